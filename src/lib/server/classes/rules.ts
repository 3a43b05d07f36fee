/** The fixed lists of the classes domain (the tables' check constraints use them). */
export const CLASS_INSTRUCTOR_ROLES = ['owner', 'co'] as const;
export type ClassInstructorRole = (typeof CLASS_INSTRUCTOR_ROLES)[number];

export const ASSIGNMENT_KINDS = ['course', 'lesson'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
