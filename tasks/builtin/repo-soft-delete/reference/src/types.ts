export interface Note {
  id: number;
  text: string;
  createdAt: number;
  deletedAt: number | null;
}

export type Clock = () => number;
