/** The equalities lead and the EDI group (the EAP site groups): Member and its mapping, and the reads and adds. */
export * from "./mapping.ts";
export * from "./add-member.ts";
export * from "./repository.ts";
