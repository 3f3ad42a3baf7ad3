export { PERMISSIONS, ROLE_PERMISSIONS, can } from "./permissions";
export type { Permission } from "./permissions";
