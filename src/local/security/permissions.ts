/**
 * SharePoint's permission vocabulary: base permissions (SP.PermissionKind; kind N is bit N-1 of a 64-bit mask sent
 * as two strings, High and Low), the built-in role definitions with their fixed ids, kinds and masks (recorded from
 * SharePoint Online: PnP Core AddItemRoleAssignmentTest), and the Sites.Selected roles an app can be granted.
 */
export type Mask = bigint;

/** SP.PermissionKind values (1-based: kind N is bit N-1). */
export const Perm = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  ManageWeb: 31,
  UseRemoteAPIs: 38,
  EnumeratePermissions: 63,
} as const;
export type PermName = keyof typeof Perm;

export const bit = (kind: number): Mask => 1n << BigInt(kind - 1);
export const has = (mask: Mask, kind: number): boolean => (mask & bit(kind)) !== 0n;
const fromHighLow = (high: string, low: string): Mask => (BigInt(high) << 32n) | BigInt(low);
export const EMPTY: Mask = 0n;
export const FULL_MASK: Mask = fromHighLow("2147483647", "4294967295");

/** SP.BasePermissions as SharePoint sends it: High and Low as strings (Edm.Int64). */
export function highLow(mask: Mask): { High: string; Low: string } {
  return { High: String(mask >> 32n), Low: String(mask & 0xffffffffn) };
}

export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  roleTypeKind: number;
  order: number;
  hidden: boolean;
  mask: Mask;
}

export const ROLE = { limitedAccess: 1073741825, read: 1073741826, contribute: 1073741827, design: 1073741828, fullControl: 1073741829, edit: 1073741830 } as const;

export const ROLE_DEFINITIONS: RoleDefinition[] = [
  { id: ROLE.fullControl, name: "Full Control", description: "Has full control.", roleTypeKind: 5, order: 1, hidden: false, mask: fromHighLow("2147483647", "4294967295") },
  { id: ROLE.design, name: "Design", description: "Can view, add, update, delete, approve, and customize.", roleTypeKind: 4, order: 32, hidden: false, mask: fromHighLow("432", "1012866047") },
  { id: ROLE.edit, name: "Edit", description: "Can add, edit and delete lists; can view, add, update and delete list items and documents.", roleTypeKind: 6, order: 48, hidden: false, mask: fromHighLow("432", "1011030767") },
  { id: ROLE.contribute, name: "Contribute", description: "Can view, add, update, and delete list items and documents.", roleTypeKind: 3, order: 64, hidden: false, mask: fromHighLow("432", "1011028719") },
  { id: ROLE.read, name: "Read", description: "Can view pages and list items and download documents.", roleTypeKind: 2, order: 128, hidden: false, mask: fromHighLow("176", "138612833") },
  { id: ROLE.limitedAccess, name: "Limited Access", description: "Can view specific lists, document libraries, list items, folders, or documents when given permissions.", roleTypeKind: 1, order: 160, hidden: true, mask: fromHighLow("48", "134287360") },
];

export const roleById = (id: number): RoleDefinition | undefined => ROLE_DEFINITIONS.find((r) => r.id === id);

/**
 * Sites.Selected roles (Graph `POST /sites/{id}/permissions`): read = Read; write = Contribute (items, not lists);
 * manage = Design (lists, not permissions); fullcontrol = Full Control (permissions and groups too).
 */
export const GRANT_ROLES = { read: ROLE.read, write: ROLE.contribute, manage: ROLE.design, fullcontrol: ROLE.fullControl } as const;
export type GrantRole = keyof typeof GRANT_ROLES;
export const isGrantRole = (r: string): r is GrantRole => r in GRANT_ROLES;
