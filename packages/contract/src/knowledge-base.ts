/** (to be filled: the knowledge-base schemas) */
export {};
