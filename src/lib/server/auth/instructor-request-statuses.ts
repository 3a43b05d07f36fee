/** Where a request to become an instructor stands (the table's check constraint uses the list). */
export const INSTRUCTOR_REQUEST_STATUSES = ['open', 'granted', 'declined'] as const;
export type InstructorRequestStatus = (typeof INSTRUCTOR_REQUEST_STATUSES)[number];
