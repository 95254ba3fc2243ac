/**
 * The seeded synthetic registry (DESIGN.md §7): realistic households for a whole kabupaten/kota with
 * Indonesian names by region, NIKs and No. KK consistent with desa, birth date and sex, bank
 * accounts, PPKS and programs, and known errors injected at given rates. The same seed gives the same
 * rows, ids included. Rows are checked with the registry's own validators and their findings stored
 * in {@code quality_issue}, the way imported data would be.
 * <p>
 * Demo data ({@link id.slrt.registry.generator.DemoRegistryLoader}), tests and benchmarks
 * ({@link id.slrt.registry.generator.GenerateCommand}) all use {@link id.slrt.registry.generator.RegistryGenerator}.
 */
package id.slrt.registry.generator;
