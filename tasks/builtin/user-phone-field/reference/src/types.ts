export interface User {
  id: number;
  name: string;
  email: string;
  phone?: string;
}

export interface UserRecord {
  user_id: number;
  display_name: string;
  email_address: string;
  phone_number?: string;
}
