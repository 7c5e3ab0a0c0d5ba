export interface Note {
  id: number;
  text: string;
  createdAt: number;
}

export type Clock = () => number;
