export { createRng, deriveSeed, type Rng } from "./seeded-rng";
