export interface Task {
  id: number;
  owner: string;
  title: string;
  done: boolean;
}

export const tasks: Task[] = [];
let nextId = 1;

export function addTask(owner: string, title: string): Task {
  const task = { id: nextId++, owner, title, done: false };
  tasks.push(task);
  return task;
}
