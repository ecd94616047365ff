/** (to be filled: the audit schemas) */
export {};
