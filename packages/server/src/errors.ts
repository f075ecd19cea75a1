import { AppError } from '@praxisready/model';

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Not allowed for this role') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details ? { details } : {});
