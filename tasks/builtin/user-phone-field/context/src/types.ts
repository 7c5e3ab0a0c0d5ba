export interface User {
  id: number;
  name: string;
  email: string;
}

export interface UserRecord {
  user_id: number;
  display_name: string;
  email_address: string;
}
