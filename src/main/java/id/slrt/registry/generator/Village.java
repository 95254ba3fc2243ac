package id.slrt.registry.generator;

import java.util.List;

/**
 * A desa or kelurahan as the generator sees it: its codes and names, a centre for GPS points, its
 * dusun (none in a kelurahan), how many RW it has, and its relative population.
 */
record Village(String code, String name, String kecamatanCode, String kecamatanName, boolean kelurahan,
               double latitude, double longitude, List<String> dusun, int rwCount, double weight) {
}
