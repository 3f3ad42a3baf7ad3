export type PolicyChange = { path: string; before: unknown; after: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function collectChanges(before: unknown, after: unknown, path: string[], changes: PolicyChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) collectChanges(before[i], after[i], [...path, String(i)], changes);
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) collectChanges(before[key], after[key], [...path, key], changes);
    return;
  }
  if (!Object.is(before, after)) changes.push({ path: path.join("."), before, after });
}

/**
 * Lists the leaf fields that differ between two policies (or any JSON values), in a stable order.
 * Array items compare by position, so inserting a tier shows as changes to every later index;
 * a field missing on one side shows `undefined` there.
 */
export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  collectChanges(before, after, [], changes);
  return changes;
}
