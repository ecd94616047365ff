/** (to be filled: the portal schemas) */
export {};
