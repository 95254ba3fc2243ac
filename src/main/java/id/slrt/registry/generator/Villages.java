package id.slrt.registry.generator;

import id.slrt.region.Region;
import id.slrt.region.RegionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The desa and kelurahan of a district with made-up but stable geography: each village's centre, dusun
 * and size come from its own code, not from the run's seed, so a village looks the same in every run.
 */
final class Villages {
    /** Rough centres of the provinces (capital or middle), degrees latitude and longitude. */
    private static final Map<String, double[]> PROVINCE_CENTRES = Map.ofEntries(
            Map.entry("11", new double[] {4.7, 96.7}), Map.entry("12", new double[] {2.1, 99.5}),
            Map.entry("13", new double[] {-0.7, 100.6}), Map.entry("14", new double[] {0.3, 101.7}),
            Map.entry("15", new double[] {-1.6, 103.6}), Map.entry("16", new double[] {-3.3, 104.0}),
            Map.entry("17", new double[] {-3.8, 102.3}), Map.entry("18", new double[] {-4.9, 105.0}),
            Map.entry("19", new double[] {-2.7, 106.4}), Map.entry("21", new double[] {1.0, 104.4}),
            Map.entry("31", new double[] {-6.2, 106.8}), Map.entry("32", new double[] {-6.9, 107.6}),
            Map.entry("33", new double[] {-7.2, 110.2}), Map.entry("34", new double[] {-7.8, 110.4}),
            Map.entry("35", new double[] {-7.5, 112.2}), Map.entry("36", new double[] {-6.4, 106.1}),
            Map.entry("51", new double[] {-8.4, 115.2}), Map.entry("52", new double[] {-8.6, 117.4}),
            Map.entry("53", new double[] {-9.5, 121.0}), Map.entry("61", new double[] {0.0, 110.5}),
            Map.entry("62", new double[] {-1.7, 113.4}), Map.entry("63", new double[] {-3.1, 115.3}),
            Map.entry("64", new double[] {0.5, 116.4}), Map.entry("65", new double[] {3.0, 116.2}),
            Map.entry("71", new double[] {1.2, 124.8}), Map.entry("72", new double[] {-1.4, 121.4}),
            Map.entry("73", new double[] {-4.0, 120.0}), Map.entry("74", new double[] {-4.1, 122.2}),
            Map.entry("75", new double[] {0.6, 122.5}), Map.entry("76", new double[] {-2.8, 119.2}),
            Map.entry("81", new double[] {-3.2, 129.0}), Map.entry("82", new double[] {0.7, 127.6}),
            Map.entry("91", new double[] {-2.5, 140.7}), Map.entry("92", new double[] {-0.9, 134.1}),
            Map.entry("93", new double[] {-7.5, 139.5}), Map.entry("94", new double[] {-3.4, 135.5}),
            Map.entry("95", new double[] {-4.1, 138.9}), Map.entry("96", new double[] {-0.9, 131.3}));
    /** Districts whose centre is known better than "somewhere near the province's centre". */
    private static final Map<String, double[]> DISTRICT_CENTRES = Map.of("1409", new double[] {-0.5, 101.5});
    private static final List<String> DUSUN_NAMES = List.of("Koto", "Tengah", "Pasar", "Kampung Baru", "Sungai Jering",
            "Sidomulyo", "Harapan Jaya", "Sukamaju", "Mekar Sari", "Suka Damai", "Lubuk", "Tanjung", "Pulau",
            "Simpang Tiga", "Bukit Indah", "Karya Bakti", "Sri Mulya", "Makmur", "Sejahtera", "Maju Jaya", "Teluk",
            "Sungai Baru", "Padang", "Balai", "Seberang");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI"};

    private Villages() {
    }

    static List<Village> of(RegionService regions, String district) {
        double[] centre = districtCentre(district);
        List<Village> villages = new ArrayList<>();
        for (Region kecamatan : regions.children(district)) {
            Random kecRandom = new Random(Long.parseLong(kecamatan.code()));
            double kecLat = centre[0] + (kecRandom.nextDouble() - 0.5) * 0.5;
            double kecLon = centre[1] + (kecRandom.nextDouble() - 0.5) * 0.5;
            for (Region desa : regions.children(kecamatan.code())) {
                villages.add(village(desa, kecamatan, kecLat, kecLon));
            }
        }
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("district " + district + " has no desa or kelurahan");
        }
        return villages;
    }

    private static Village village(Region desa, Region kecamatan, double kecLat, double kecLon) {
        Random random = new Random(Long.parseLong(desa.code()));
        // Kemendagri: the 7th digit is 1 for a kelurahan (town), 2 for a desa.
        boolean kelurahan = desa.code().charAt(6) == '1';
        double lat = clamp(kecLat + (random.nextDouble() - 0.5) * 0.12, -10.9, 5.9);
        double lon = clamp(kecLon + (random.nextDouble() - 0.5) * 0.12, 94.1, 141.9);
        int rwCount = 2 + random.nextInt(kelurahan ? 8 : 4);
        double weight = (0.4 + random.nextDouble() * 1.6) * (kelurahan ? 1.6 : 1.0);
        return new Village(desa.code(), desa.name(), kecamatan.code(), kecamatan.name(), kelurahan, lat, lon,
                kelurahan ? List.of() : dusun(random), rwCount, weight);
    }

    private static List<String> dusun(Random random) {
        int count = 2 + random.nextInt(4);
        List<String> names = new ArrayList<>();
        boolean numbered = random.nextInt(3) == 0;
        for (int i = 0; i < count; i++) {
            String name = numbered ? ROMAN[i] : DUSUN_NAMES.get(random.nextInt(DUSUN_NAMES.size()));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static double[] districtCentre(String district) {
        double[] known = DISTRICT_CENTRES.get(district);
        if (known != null) {
            return known;
        }
        double[] province = PROVINCE_CENTRES.getOrDefault(district.substring(0, 2), new double[] {-2.5, 118.0});
        Random random = new Random(Long.parseLong(district));
        return new double[] {
                clamp(province[0] + (random.nextDouble() - 0.5) * 1.2, -10.5, 5.5),
                clamp(province[1] + (random.nextDouble() - 0.5) * 1.2, 94.5, 141.5)};
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
