/** (to be filled: the reports schemas) */
export {};
