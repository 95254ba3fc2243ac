package id.slrt.registry.generator;

import java.util.List;

/**
 * The names of one naming tradition and how they are put together: shares of people with a second
 * given name, a family name (Batak marga, Gorontalo fam), a Muslim first name (Muhammad, Siti, Nur),
 * bin/binti and the father's name, the haji title (H., Hj.) among people of 45 and older, and a noble
 * prefix (Andi, Raden). {@code balinese}: I/Ni and a birth-order name (Wayan, Made, Nyoman, Ketut).
 */
record NamePool(String tradition, List<String> male, List<String> female, List<String> maleSecond,
                List<String> femaleSecond, List<String> family, List<String> birthPlaces, double secondShare,
                double familyShare, double muslimShare, double patronymicShare, double hajiShare, String noble,
                double nobleShare, boolean balinese) {
}
