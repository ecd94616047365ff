/** (to be filled: the routing-rules schemas) */
export {};
