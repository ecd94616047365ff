/** (to be filled: the privacy schemas) */
export {};
