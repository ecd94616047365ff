/** (to be filled: the kpis schemas) */
export {};
