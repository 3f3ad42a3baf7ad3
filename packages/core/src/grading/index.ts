export { GRADE_FACTORS, assignGrade } from "./assign-grade";
export type { FactorPoints, GradeAssignment, GradeFactor, GradeInput } from "./assign-grade";
