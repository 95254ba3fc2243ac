package id.slrt.registry.generator;

import java.util.List;

/**
 * Indonesian names by region (DOMAIN.md §8). Modern spellings only: the old spellings (oe, dj, tj, sj,
 * ch) are injected on purpose, at a known rate, by {@link OldSpelling}.
 */
final class NamePools {
    static final NamePool MALAY_MINANG = new NamePool("Melayu/Minang",
            List.of("Zulkifli", "Syamsul", "Rusli", "Afrizal", "Yusrizal", "Hendri", "Irwan", "Darmawan", "Rahmat",
                    "Fadli", "Ridwan", "Syafrizal", "Masrul", "Zulhendri", "Erizal", "Nofrizal", "Asrul", "Syafri",
                    "Junaidi", "Dasrul", "Azwar", "Yusri", "Firdaus", "Amran", "Jasman", "Samsir", "Bujang", "Amir",
                    "Kamaruddin", "Arifin", "Hamdan", "Nasrul", "Efendi", "Rizal", "Syahrial", "Ismail", "Yunus",
                    "Usman", "Jamal", "Mukhtar", "Buyung", "Sutan"),
            List.of("Yusnidar", "Nurhayati", "Rosmawati", "Asnidar", "Ernawati", "Yulinar", "Desmawati", "Nurlela",
                    "Zuraida", "Rahmi", "Fitri", "Syafrida", "Yuliarni", "Darmawati", "Elvi", "Novita", "Yelni",
                    "Rosnani", "Maryam", "Zainab", "Halimah", "Salmah", "Asmah", "Rohani", "Juliana", "Yusnaini",
                    "Nurbaiti", "Mardiana", "Erni", "Nurjanah", "Upik", "Rosidah"),
            List.of("Putra", "Saputra", "Hidayat", "Syahputra", "Effendi", "Hamzah", "Idris", "Anwar", "Yusuf",
                    "Abdullah", "Malik", "Rasyid"),
            List.of("Wati", "Yanti", "Sari", "Hayati", "Fitriani", "Susanti", "Yuliani", "Rahmawati", "Wahyuni"),
            List.of(),
            List.of("Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pekanbaru", "Bengkalis", "Rengat", "Bangkinang",
                    "Tembilahan", "Dumai", "Tanjung Pinang", "Batusangkar", "Pariaman"),
            0.4, 0, 0.14, 0.06, 0.05, null, 0, false);

    static final NamePool JAVANESE = new NamePool("Jawa",
            List.of("Sutrisno", "Slamet", "Budi", "Joko", "Bambang", "Agus", "Suparman", "Sugeng", "Wahyudi", "Heru",
                    "Teguh", "Purnomo", "Suyanto", "Sukardi", "Supriyadi", "Eko", "Dwi", "Tri", "Sutarno", "Sumarno",
                    "Paijo", "Tukiman", "Parman", "Sarwono", "Untung", "Sugiyono", "Waluyo", "Mulyono", "Suroso",
                    "Kuswanto", "Sunarto", "Haryanto", "Rohmat", "Subagyo", "Darmaji", "Wagimin", "Ngadiman", "Kasiman",
                    "Cahyo", "Sucipto"),
            List.of("Sri", "Sumiati", "Suwarni", "Sulastri", "Wartini", "Tumini", "Kasmini", "Rukmini", "Endang",
                    "Lestari", "Rahayu", "Wulandari", "Ningsih", "Puji", "Sumarni", "Tuminah", "Painem", "Sukinah",
                    "Partini", "Suyati", "Sunarti", "Wagiyem", "Karsini", "Tukiyem", "Marsinah", "Parmi", "Sumini",
                    "Yuliani", "Murni"),
            List.of("Santoso", "Prasetyo", "Wibowo", "Susanto", "Hartono", "Setiawan", "Nugroho", "Kurniawan",
                    "Purwanto", "Handoko", "Widodo", "Saputro", "Raharjo", "Utomo", "Hidayat", "Cahyono"),
            List.of("Rahayu", "Lestari", "Wahyuni", "Handayani", "Wulandari", "Susanti", "Ningsih", "Astuti",
                    "Purwanti", "Suryani", "Indriyani", "Mulyani"),
            List.of(),
            List.of("Sragen", "Klaten", "Wonogiri", "Boyolali", "Kediri", "Blitar", "Ponorogo", "Madiun", "Purworejo",
                    "Kebumen", "Banyumas", "Yogyakarta", "Sleman", "Gunungkidul", "Surakarta", "Semarang", "Pati",
                    "Jember"),
            0.45, 0, 0.07, 0.01, 0.03, "R.", 0.01, false);

    static final NamePool SUNDANESE = new NamePool("Sunda",
            List.of("Asep", "Ujang", "Dede", "Cecep", "Endang", "Dadang", "Ade", "Iwan", "Jajang", "Yayan", "Usep",
                    "Aep", "Deden", "Encep", "Kurnia", "Dadan", "Ayi", "Ruhiyat", "Iyus", "Engkus", "Atang", "Maman",
                    "Nanang", "Wawan", "Entis", "Odih"),
            List.of("Euis", "Neneng", "Iis", "Imas", "Entin", "Yati", "Cucu", "Enok", "Nining", "Titin", "Lilis",
                    "Dedeh", "Tati", "Rina", "Eneng", "Teti", "Popon", "Elis", "Nani", "Yoyoh", "Enung", "Ai", "Iceu"),
            List.of("Saepudin", "Sunarya", "Suryana", "Hidayat", "Permana", "Mulyana", "Supriatna", "Rustandi",
                    "Kusnadi", "Gunawan", "Sopian", "Suherman", "Sutisna", "Ruhyana", "Setiawan", "Nugraha"),
            List.of("Rohaeni", "Nurhayati", "Sumiati", "Komariah", "Maryati", "Kurniasih", "Hayati", "Rohayati",
                    "Rostika", "Sukaesih", "Mulyani", "Nurjanah", "Rosmiati"),
            List.of(),
            List.of("Garut", "Tasikmalaya", "Ciamis", "Bandung", "Sukabumi", "Cianjur", "Sumedang", "Kuningan",
                    "Majalengka", "Subang", "Purwakarta", "Pandeglang", "Lebak", "Serang"),
            0.7, 0, 0.06, 0.01, 0.04, "R.", 0.01, false);

    static final NamePool BALINESE = new NamePool("Bali",
            List.of("Suardana", "Sudarma", "Artawan", "Mertayasa", "Budiarta", "Suarjana", "Wirawan", "Adnyana",
                    "Sukadana", "Darmawan", "Sudiarsa", "Widiana", "Gunawan", "Sujana", "Suparta", "Arsana", "Mudana",
                    "Sudirta", "Parwata", "Agus", "Eka", "Yasa", "Sukarta", "Raka", "Rai", "Sudana", "Juliarta"),
            List.of("Sriani", "Sukerti", "Ariani", "Suartini", "Wahyuni", "Mariani", "Sudiani", "Astiti", "Sumiasih",
                    "Kartini", "Sukarmi", "Rusmini", "Wardani", "Suastini", "Listyawati", "Sutarmi", "Purnami",
                    "Sri Wahyuni", "Kusuma Dewi", "Juniasih", "Ayu"),
            List.of("Putra", "Wijaya", "Saputra", "Pratama", "Arsana", "Antara"),
            List.of("Dewi", "Lestari", "Utami", "Pratiwi", "Sari", "Yanti"),
            List.of(),
            List.of("Denpasar", "Gianyar", "Tabanan", "Badung", "Buleleng", "Singaraja", "Karangasem", "Bangli",
                    "Klungkung", "Jembrana", "Negara"),
            0.3, 0, 0, 0, 0, null, 0, true);

    static final NamePool BATAK_TOBA = new NamePool("Batak Toba",
            List.of("Parlindungan", "Hotman", "Tigor", "Sahat", "Maruli", "Binsar", "Togar", "Poltak", "Jonter",
                    "Robert", "Daniel", "Juliper", "Rudolf", "Marihot", "Saut", "Bonar", "Halomoan", "Torang", "Lamhot",
                    "Benny", "Ronald", "Hasudungan", "Mangasi", "Tumpal", "Martua", "Patar", "Jhonson", "Gomgom"),
            List.of("Rosmawati", "Tiurma", "Lasmaria", "Rotua", "Sondang", "Debora", "Rosdiana", "Lamtiur", "Hotnida",
                    "Nurmala", "Rumondang", "Tiomina", "Masniari", "Rosliana", "Lenny", "Rosita", "Marintan", "Romauli",
                    "Ruth", "Erna", "Tetty", "Dameria", "Nurhaida"),
            List.of("Parulian", "Pandapotan", "Manahan", "Tua"),
            List.of("Br.", "Uli", "Sari"),
            List.of("Siregar", "Simanjuntak", "Sitompul", "Hutapea", "Pardede", "Simatupang", "Sinaga", "Sihombing",
                    "Panjaitan", "Situmorang", "Manurung", "Hutagalung", "Tampubolon", "Silalahi", "Napitupulu",
                    "Sitorus", "Pasaribu", "Simbolon", "Gultom", "Tambunan", "Marpaung", "Butarbutar"),
            List.of("Medan", "Tarutung", "Sibolga", "Balige", "Pematangsiantar", "Porsea", "Dolok Sanggul",
                    "Pangururan", "Kabanjahe"),
            0.25, 0.95, 0, 0, 0, null, 0, false);

    static final NamePool BATAK_MANDAILING = new NamePool("Mandailing/Angkola",
            List.of("Ahmad", "Syahrul", "Amran", "Ridwan", "Ismail", "Baginda", "Sutan", "Mara", "Hamdan", "Zulkarnain",
                    "Rahmat", "Irham", "Borkat", "Paruhum", "Ali", "Arman"),
            List.of("Nur Aisyah", "Rahmah", "Masnah", "Rahmadani", "Nurhalimah", "Siti Hawa", "Nurasiah", "Derma",
                    "Rosmaida", "Nurmaini", "Saripah", "Masdelina"),
            List.of("Hasan", "Husein", "Hamonangan", "Parlaungan"),
            List.of("Wati", "Sari", "Hayati"),
            List.of("Nasution", "Lubis", "Harahap", "Siregar", "Hasibuan", "Daulay", "Pulungan", "Batubara",
                    "Rangkuti", "Matondang", "Dalimunthe", "Ritonga"),
            List.of("Padangsidimpuan", "Panyabungan", "Sipirok", "Kotanopan", "Gunung Tua", "Medan", "Sibuhuan"),
            0.3, 0.8, 0.15, 0.03, 0.06, null, 0, false);

    static final NamePool BUGIS_MAKASSAR = new NamePool("Bugis/Makassar",
            List.of("Syamsuddin", "Hasanuddin", "Jamaluddin", "Kaharuddin", "Nasrullah", "Amiruddin", "Ambo", "Sudirman",
                    "Rahman", "Alimuddin", "Sappe", "Baharuddin", "Arif", "Syarifuddin", "Abdul Rahman", "Haeruddin",
                    "Jufri", "Muhlis", "Rusdi", "Basri", "Mansyur", "Kamaruddin", "Arifin", "Hamka", "Baso", "Lukman",
                    "Sattu", "Beddu"),
            List.of("Hasnah", "Nurhaedah", "Hajerah", "Rahmawati", "Nurhayati", "Hasmawati", "Ratna", "Musdalifah",
                    "Aisyah", "Hasnawati", "Nurhaeni", "Marhama", "Saripa", "Hadijah", "Sumarni", "Rosmini", "Jumriani",
                    "Nurbaya", "Salmiah", "Besse", "Indo", "Sitti Aminah", "Hasriani"),
            List.of("Daeng Tompo", "Daeng Sese", "Daeng Nai", "Daeng Lau", "Daeng Gassing", "Daeng Rate", "Daeng Sila",
                    "Daeng Ngalle", "Daeng Tutu", "Rauf", "Latif", "Saleh"),
            List.of("Daeng Kanang", "Daeng Puji", "Daeng Ngai", "Nur", "Rahma", "Sari"),
            List.of(),
            List.of("Makassar", "Bone", "Wajo", "Soppeng", "Sidrap", "Pinrang", "Parepare", "Gowa", "Maros", "Takalar",
                    "Jeneponto", "Bulukumba", "Sinjai", "Palopo"),
            0.35, 0, 0.15, 0.02, 0.1, "Andi", 0.06, false);

    static final NamePool GORONTALO = new NamePool("Gorontalo",
            List.of("Rahmat", "Ismail", "Yusuf", "Hamzah", "Abdullah", "Rusli", "Ridwan", "Suleman", "Yunus", "Hasan",
                    "Sahrul", "Irwan", "Rivai", "Darwin", "Kadir", "Ramlan", "Taufik", "Arifin", "Jafar", "Salim",
                    "Ahmad", "Rasid", "Sofyan", "Ahmad Yani"),
            List.of("Nurain", "Fatma", "Hadija", "Sarina", "Rahmi", "Nurhayati", "Sartin", "Yusni", "Rosna", "Hasna",
                    "Marni", "Nurlela", "Kartin", "Ani", "Maryam", "Sumarni", "Wiwin", "Rahmawati", "Salma", "Asna",
                    "Sitti Rahma"),
            List.of("Abdullah", "Ismail", "Hasan", "Yusuf", "Usman"),
            List.of("Ningsih", "Wati", "Sari"),
            List.of("Gobel", "Katili", "Nusi", "Pakaya", "Dunggio", "Tangahu", "Bakari", "Lahay", "Mooduto", "Podungge",
                    "Hulopi", "Lamusu", "Hunowu", "Abdullah", "Mohamad", "Daud", "Usman", "Ismail", "Hasan", "Yusuf",
                    "Habibie", "Panigoro", "Tuli", "Ilahude", "Monoarfa"),
            List.of("Gorontalo", "Limboto", "Marisa", "Kwandang", "Suwawa", "Tilamuta", "Telaga", "Tapa", "Kabila",
                    "Manado"),
            0.3, 0.85, 0.1, 0, 0.05, null, 0, false);

    static final NamePool BANJAR = new NamePool("Banjar",
            List.of("Ahmad", "Syahrani", "Rusmadi", "Hairani", "Saberi", "Mahlan", "Anang", "Fauzi", "Jailani", "Ramli",
                    "Masdar", "Norhadi", "Abdul Gani", "Syahriansyah", "Sarbani", "Basuni", "Jumberi", "Mahyuni",
                    "Syarkawi", "Hamberi", "Ijai", "Udin"),
            List.of("Norhayati", "Mariatul", "Rusmini", "Masrah", "Jumiati", "Rahmah", "Salasiah", "Nafisah", "Murni",
                    "Halimah", "Aluh", "Norlaila", "Mahmudah", "Hamidah", "Jamilah", "Rusnah", "Mastura", "Norjanah",
                    "Galuh", "Diang"),
            List.of("Noor", "Hidayat", "Rahman", "Ansyari", "Saputra", "Arsyad", "Ramadhan", "Syarif"),
            List.of("Norhasanah", "Aulia", "Fitriani", "Hayati", "Rahmawati", "Jannah"),
            List.of(),
            List.of("Banjarmasin", "Martapura", "Amuntai", "Kandangan", "Barabai", "Rantau", "Tanjung", "Pelaihari",
                    "Marabahan", "Kotabaru", "Banjarbaru"),
            0.4, 0, 0.15, 0.04, 0.06, "Gusti", 0.02, false);

    static final NamePool DAYAK = new NamePool("Dayak",
            List.of("Dagut", "Tambun", "Sabran", "Yohanes", "Petrus", "Lukas", "Markus", "Paulus", "Ardianto", "Tingang",
                    "Agustinus", "Antonius", "Natalis", "Sumardi", "Yulius", "Ramli", "Tommy", "Yosef", "Herman",
                    "Salundik", "Kardinal"),
            List.of("Yuliana", "Maria", "Magdalena", "Elisabet", "Veronika", "Natalia", "Hana", "Febriani", "Sinta",
                    "Yuni", "Rinda", "Anastasia", "Mariani", "Desi", "Lusiana", "Herlina", "Idang", "Bunga"),
            List.of("Saputra", "Pratama", "Putra"),
            List.of("Lestari", "Sari", "Natalia"),
            List.of("Ngabut", "Mihing", "Riwut", "Nahan", "Dehen", "Bahen", "Ilas", "Anyang", "Ranying", "Bangkan",
                    "Lambung", "Liang", "Usop", "Angkoy", "Sahay", "Sangen", "Nyahu"),
            List.of("Palangka Raya", "Kuala Kapuas", "Sampit", "Pangkalan Bun", "Muara Teweh", "Buntok",
                    "Tamiang Layang", "Kuala Kurun", "Kasongan", "Puruk Cahu"),
            0.3, 0.6, 0, 0, 0, null, 0, false);

    static final NamePool GENERIC = new NamePool("Indonesia",
            List.of("Andi", "Rudi", "Hendra", "Agus", "Yudi", "Fajar", "Rizal", "Doni", "Dedi", "Ahmad", "Hadi",
                    "Indra", "Rahmat", "Arif", "Yusuf", "Irfan", "Dani", "Rian", "Adi", "Bayu", "Reza", "Yoga", "Hasan",
                    "Sandi", "Taufik", "Imam", "Jefri", "Ilham", "Rudi Hartono", "Syaiful"),
            List.of("Dewi", "Ratna", "Nur Aini", "Fitriani", "Yuni", "Rina", "Sari", "Indah", "Putri", "Wati", "Yanti",
                    "Lina", "Desi", "Rini", "Ani", "Mega", "Nia", "Eka", "Linda", "Maya", "Ika", "Yulia", "Susi",
                    "Diana", "Juwita"),
            List.of("Saputra", "Pratama", "Hidayat", "Setiawan", "Kurniawan", "Firmansyah", "Ramadhan", "Syahputra",
                    "Nugraha", "Wijaya", "Gunawan", "Permana", "Hakim", "Maulana"),
            List.of("Lestari", "Sari", "Wulandari", "Puspita", "Anggraini", "Safitri", "Permatasari", "Handayani",
                    "Rahmawati", "Kusuma", "Amelia", "Oktaviani"),
            List.of(),
            List.of("Jakarta", "Medan", "Surabaya", "Palembang", "Bandung", "Semarang", "Makassar", "Pontianak", "Jambi",
                    "Bandar Lampung", "Pekanbaru", "Samarinda", "Mataram", "Kupang", "Manado"),
            0.6, 0, 0.1, 0.02, 0.03, null, 0, false);

    /** Names given to children born from about 2005 on, everywhere (not Bali's birth-order part). */
    static final List<String> MODERN_MALE = List.of("Rizky", "Aditya", "Fajar", "Dimas", "Reza", "Rafi", "Farhan",
            "Alif", "Rafa", "Arka", "Zidan", "Fikri", "Bintang", "Galang", "Raffi", "Azka", "Daffa", "Kenzie", "Arkan",
            "Fadil", "Gilang", "Satria", "Rehan", "Akbar");
    static final List<String> MODERN_FEMALE = List.of("Nabila", "Aulia", "Salsabila", "Zahra", "Aisyah", "Keysha",
            "Alya", "Naura", "Syifa", "Azzahra", "Kirana", "Nayla", "Putri", "Cahaya", "Adinda", "Anisa", "Amanda",
            "Zaskia", "Aqila", "Khanza", "Dinda");
    static final List<String> MODERN_MALE_SECOND = List.of("Pratama", "Ramadhan", "Saputra", "Putra", "Maulana",
            "Alfarizi", "Firmansyah", "Hidayat");
    static final List<String> MODERN_FEMALE_SECOND = List.of("Putri", "Ramadhani", "Azzahra", "Aprilia", "Amelia",
            "Safitri", "Nuraini", "Rahmadani");

    private NamePools() {
    }

    /**
     * The naming traditions of a province's households: mostly its own, with the migrants (Javanese
     * transmigrants above all) that live there too.
     */
    static Weighted<NamePool> forProvince(String province) {
        return switch (province) {
            case "13", "14", "21" -> mix(MALAY_MINANG, 78, JAVANESE, 12, BATAK_TOBA, 4, GENERIC, 6);
            case "33", "34", "35" -> mix(JAVANESE, 92, SUNDANESE, 2, GENERIC, 6);
            case "32", "36" -> mix(SUNDANESE, 82, JAVANESE, 10, GENERIC, 8);
            case "51" -> mix(BALINESE, 90, JAVANESE, 6, GENERIC, 4);
            case "12" -> mix(BATAK_TOBA, 42, BATAK_MANDAILING, 22, JAVANESE, 18, MALAY_MINANG, 8, GENERIC, 10);
            case "73" -> mix(BUGIS_MAKASSAR, 90, JAVANESE, 3, GENERIC, 7);
            case "75" -> mix(GORONTALO, 90, BUGIS_MAKASSAR, 3, GENERIC, 7);
            case "62" -> mix(DAYAK, 48, BANJAR, 30, JAVANESE, 17, GENERIC, 5);
            case "63" -> mix(BANJAR, 85, JAVANESE, 10, GENERIC, 5);
            default -> mix(GENERIC, 85, JAVANESE, 15);
        };
    }

    private static Weighted<NamePool> mix(Object... poolsAndWeights) {
        List<NamePool> pools = new java.util.ArrayList<>();
        double[] weights = new double[poolsAndWeights.length / 2];
        for (int i = 0; i < poolsAndWeights.length; i += 2) {
            pools.add((NamePool) poolsAndWeights[i]);
            weights[i / 2] = ((Number) poolsAndWeights[i + 1]).doubleValue();
        }
        return new Weighted<>(pools, weights);
    }
}
