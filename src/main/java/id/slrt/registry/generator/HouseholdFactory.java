package id.slrt.registry.generator;

import id.slrt.registry.Issue;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import id.slrt.registry.ValidationResult;
import id.slrt.registry.generator.FamilyBuilder.Draft;
import id.slrt.registry.generator.PersonNamer.PersonName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes the households of one request, one at a time, from one seeded Random: the same request gives
 * the same households in the same order. Memory stays flat whatever the number of people: only
 * serial counters and a small sample of earlier people (to copy as duplicates) are kept.
 */
final class HouseholdFactory implements Iterator<Generated.Household> {
    private static final Weighted<Integer> SIZES = new Weighted<>(List.of(1, 2, 3, 4, 5, 6, 7, 8),
            10, 18, 22, 23, 14, 7, 4, 2);
    private static final Weighted<Integer> DESIL = new Weighted<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            24, 20, 16, 12, 9, 7, 5, 3, 2, 2);
    private static final Weighted<String> BANKS = new Weighted<>(List.of("BRI", "BNI", "MANDIRI", "BSI", "BTN"),
            55, 17, 10, 13, 5);
    private static final List<String> STREETS = List.of("Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Diponegoro",
            "Jl. Imam Bonjol", "Jl. Pattimura", "Jl. Hasanuddin", "Jl. Gatot Subroto", "Jl. Teuku Umar", "Jl. Pemuda",
            "Jl. Merdeka", "Jl. Kartini", "Jl. Cut Nyak Dien", "Jl. Kenanga", "Jl. Melati", "Jl. Mawar", "Jl. Mangga",
            "Jl. Durian", "Jl. Kelapa", "Jl. Pramuka", "Jl. Lintas Tengah", "Jl. Proklamasi", "Jl. Veteran",
            "Jl. Gajah Mada", "Jl. Hang Tuah", "Jl. Perintis Kemerdekaan", "Jl. Rambutan", "Jl. Cempaka",
            "Jl. Anggrek", "Jl. Bhayangkara", "Jl. Pelajar");
    private static final int EARLIER_PEOPLE_KEPT = 2000;

    /** A person registered earlier, who may turn up again in another desa. */
    private record Earlier(Generated.Member member, UUID householdId, Village village) {
    }

    private final ErrorRates errors;
    private final LocalDate asOf;
    private final Random random;
    private final SeededIds ids;
    private final Weighted<Village> villages;
    private final Weighted<NamePool> pools;
    private final String districtName;
    private final FamilyBuilder families;
    private final PersonNamer namer;
    private final Attributes attributes;
    private final Benefits benefits;
    private final Checks checks;
    private final Serials nikSerials;
    private final Serials kkSerials;
    private final List<Earlier> earlier = new ArrayList<>();
    private int remaining;

    HouseholdFactory(GenerationRequest request, List<Village> villages, String districtName, Checks checks) {
        this.errors = request.errors();
        this.asOf = request.asOf();
        // The district is part of the seed: the same seed gives other ids in another district.
        this.random = new Random(request.seed() ^ (Long.parseLong(request.district()) * 0x9E3779B97F4A7C15L));
        this.ids = new SeededIds(random, asOf);
        this.villages = new Weighted<>(villages, villages.stream().mapToDouble(Village::weight).toArray());
        this.pools = NamePools.forProvince(request.province());
        this.districtName = districtName.replaceFirst("^(Kabupaten|Kota) ", "");
        this.families = new FamilyBuilder(random, asOf);
        this.namer = new PersonNamer(random);
        this.attributes = new Attributes(random);
        this.benefits = new Benefits(random, ids, asOf);
        this.checks = checks;
        this.nikSerials = new Serials(asOf.minusYears(121), asOf);
        this.kkSerials = new Serials(asOf.minusYears(21), asOf);
        this.remaining = request.people();
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    @Override
    public Generated.Household next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        UUID id = ids.next();
        Village village = villages.pick(random);
        NamePool pool = pools.pick(random);
        List<Generated.Finding> findings = new ArrayList<>();
        List<Generated.Member> members = members(village, pool, families.family(Math.min(SIZES.pick(random), remaining)),
                findings);
        addDuplicate(village, members, findings);
        remaining -= members.size();
        Integer desil = random.nextDouble() < 0.05 ? null : DESIL.pick(random);
        Generated.Housing housing = housing(desil);
        List<Generated.Participation> programs = benefits.programs(members, desil);
        List<Generated.Ppks> ppks = benefits.ppks(members, desil, housing);
        Generated.Account account = benefits.hasAccount(programs) ? account(members, findings) : null;
        String noKk = noKk(village, members.get(0).birthDate());
        record(findings, null, checks.kk(noKk));
        remember(id, village, members);
        return household(id, village, noKk, housing, desil, members, account, ppks, programs, findings);
    }

    private Generated.Household household(UUID id, Village village, String noKk, Generated.Housing housing,
                                          Integer desil, List<Generated.Member> members, Generated.Account account,
                                          List<Generated.Ppks> ppks, List<Generated.Participation> programs,
                                          List<Generated.Finding> findings) {
        String dusun = village.kelurahan() ? null : village.dusun().get(random.nextInt(village.dusun().size()));
        String address = dusun == null ? pick(STREETS) + " No. " + (1 + random.nextInt(150))
                : random.nextDouble() < 0.7 ? "Dusun " + dusun : pick(STREETS);
        String rw = threeDigits(1 + random.nextInt(village.rwCount()));
        String rt = threeDigits(1 + random.nextInt(5));
        boolean gps = random.nextDouble() < 0.75;
        BigDecimal latitude = gps ? degrees(village.latitude() + random.nextGaussian() * 0.004) : null;
        BigDecimal longitude = gps ? degrees(village.longitude() + random.nextGaussian() * 0.004) : null;
        Quality quality = findings.stream().map(f -> f.issue().isError() ? Quality.ERROR : Quality.WARNING)
                .reduce(Quality.OK, Quality::worst);
        return new Generated.Household(id, village, noKk, address, rt, rw, dusun, latitude, longitude, housing, desil,
                desil == null ? null : quarterStart(asOf), quality, members, account, ppks, programs, findings);
    }

    private List<Generated.Member> members(Village village, NamePool pool, List<Draft> drafts,
                                           List<Generated.Finding> findings) {
        List<Generated.Member> members = new ArrayList<>(drafts.size() + 1);
        Kin kin = new Kin(pool);
        for (Draft d : drafts) {
            String family = kin.familyOf(d);
            String fatherGiven = kin.fatherGivenOf(d);
            int order = d.relationship() == Relationship.ANAK || d.relationship() == Relationship.CUCU
                    ? d.birthOrder() : 1 + random.nextInt(4);
            Supplier<PersonName> name = () -> namer.name(pool, d.sex(), age(d.birthDate()), d.birthDate().getYear(),
                    family, fatherGiven, order);
            String motherName = kin.motherNameOf(d);
            PersonName chosen = name.get();
            Generated.Member member = person(village, pool, d, chosen, name, motherName, members.isEmpty(), findings);
            members.add(member);
            kin.add(d, chosen, member.fullName());
        }
        return members;
    }

    /**
     * The parents in the household being made: children take their father's family name (marga, fam)
     * and "bin/binti" his name, and carry their mother's name; grandchildren those of the child-in-law.
     */
    private final class Kin {
        private final NamePool pool;
        private final String absentFatherFamily;
        private PersonName father;
        private String mother;
        private PersonName inLaw;
        private Sex inLawSex;
        private String inLawFullName;

        Kin(NamePool pool) {
            this.pool = pool;
            this.absentFatherFamily = chance(pool.familyShare()) ? pick(pool.family()) : "";
        }

        /** The family name a person is born with; null to let the namer choose (spouses, parents). */
        String familyOf(Draft d) {
            String fathers = father == null ? absentFatherFamily : father.family();
            return switch (d.relationship()) {
                case ANAK -> fathers;
                case CUCU -> inLaw != null && inLawSex == Sex.L ? inLaw.family() : fathers;
                default -> null;
            };
        }

        String fatherGivenOf(Draft d) {
            return d.relationship() == Relationship.ANAK && father != null ? firstWord(father.given())
                    : namer.givenName(pool, Sex.L);
        }

        String motherNameOf(Draft d) {
            if (d.relationship() == Relationship.ANAK && mother != null) {
                return mother;
            }
            if (d.relationship() == Relationship.CUCU && inLaw != null && inLawSex == Sex.P) {
                return inLawFullName;
            }
            int age = age(d.birthDate()) + 25;
            return namer.name(pool, Sex.P, age, d.birthDate().getYear() - 25, null, null, 1).full();
        }

        void add(Draft d, PersonName name, String fullName) {
            boolean parent = d.relationship() == Relationship.KEPALA || d.relationship() == Relationship.ISTRI_SUAMI;
            if (parent && d.sex() == Sex.L) {
                father = name;
            } else if (parent) {
                mother = fullName;
            } else if (d.relationship() == Relationship.MENANTU) {
                inLaw = name;
                inLawSex = d.sex();
                inLawFullName = fullName;
            }
        }
    }

    private Generated.Member person(Village village, NamePool pool, Draft d, PersonName chosen,
                                    Supplier<PersonName> another, String motherName, boolean head,
                                    List<Generated.Finding> findings) {
        UUID id = ids.next();
        Set<Injection> injected = EnumSet.noneOf(Injection.class);
        String nik = nikSerials.number(village.kecamatanCode(), d.birthDate(), d.sex() == Sex.P);
        if (chance(errors.nikLength())) {
            nik = Damage.wrongLength(nik, random);
            injected.add(Injection.NIK_LENGTH);
        }
        String fullName = chosen.full();
        String modernName = null;
        if (chance(errors.oldSpelling())) {
            // Only names with u, j, c, y or kh have an old spelling: draw names until one has.
            for (int tries = 0; tries < 10 && OldSpelling.of(fullName).equals(fullName); tries++) {
                fullName = another.get().full();
            }
            String old = OldSpelling.of(fullName);
            if (!old.equals(fullName)) {
                modernName = fullName;
                fullName = old;
                injected.add(Injection.OLD_SPELLING);
            }
        }
        int age = age(d.birthDate());
        ValidationResult result = checks.person(nik, d.birthDate(), d.sex(), fullName, motherName);
        record(findings, id, result);
        return new Generated.Member(id, nik, fullName, birthPlace(village, pool, age), d.birthDate(), d.sex(),
                d.relationship(), d.maritalStatus(), attributes.education(age), attributes.occupation(age, d.sex()),
                attributes.disability(age), motherName, attributes.phone(age, head), Quality.of(result), injected,
                modernName);
    }

    /** Now and then a person registered earlier in another desa turns up again, perhaps in the old spelling. */
    private void addDuplicate(Village village, List<Generated.Member> members, List<Generated.Finding> findings) {
        if (members.size() >= 8 || members.size() >= remaining || earlier.isEmpty()
                || !chance(errors.duplicatePerson() * members.size())) {
            return;
        }
        Earlier original = earlier.get(random.nextInt(earlier.size()));
        if (original.village().code().equals(village.code())) {
            return;
        }
        Generated.Member o = original.member();
        String fullName = random.nextDouble() < 0.3 ? OldSpelling.of(o.fullName()) : o.fullName();
        UUID id = ids.next();
        ValidationResult result = checks.person(o.nik(), o.birthDate(), o.sex(), fullName, o.motherName());
        result.add(Issue.error("nik", "nik.duplicate-visible", original.householdId().toString(),
                original.village().name()));
        record(findings, id, result);
        int age = age(o.birthDate());
        members.add(new Generated.Member(id, o.nik(), fullName, o.birthPlace(), o.birthDate(), o.sex(),
                Relationship.LAINNYA, o.maritalStatus(), o.education(), attributes.occupation(age, o.sex()),
                o.disability(), o.motherName(), null, Quality.of(result), EnumSet.of(Injection.DUPLICATE_PERSON),
                fullName.equals(o.fullName()) ? null : o.fullName()));
    }

    private void remember(UUID householdId, Village village, List<Generated.Member> members) {
        for (Generated.Member m : members) {
            if (!m.injected().isEmpty()) {
                continue;
            }
            Earlier e = new Earlier(m, householdId, village);
            if (earlier.size() < EARLIER_PEOPLE_KEPT) {
                earlier.add(e);
            } else if (random.nextInt(10) == 0) {
                earlier.set(random.nextInt(EARLIER_PEOPLE_KEPT), e);
            }
        }
    }

    /** The head's account; its findings are the head's, so they count in the head's quality. */
    private Generated.Account account(List<Generated.Member> members, List<Generated.Finding> findings) {
        Generated.Member head = members.get(0);
        String bank = BANKS.pick(random);
        String number = Attributes.digits(checks.bank(bank).accountLength(), random);
        boolean damaged = chance(errors.accountNumber());
        if (damaged) {
            number = Damage.accountNumber(number, random);
        }
        Instant verifiedAt = random.nextDouble() < 0.85
                ? asOf.minusDays(random.nextInt(700)).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plusSeconds(3600L * (1 + random.nextInt(9))) : null;
        ValidationResult result = checks.account(bank, number, head.fullName());
        record(findings, head.id(), result);
        members.set(0, head.withQuality(Quality.of(result)));
        return new Generated.Account(ids.next(), head.id(), bank, number, head.fullName(), verifiedAt, damaged);
    }

    /** Issued to the head's household some time in the last 20 years, after the head turned 17. */
    private String noKk(Village village, LocalDate headBirth) {
        LocalDate earliest = asOf.minusYears(20);
        if (headBirth.plusYears(17).isAfter(earliest)) {
            earliest = headBirth.plusYears(17);
        }
        long days = Math.max(1, asOf.toEpochDay() - earliest.toEpochDay());
        LocalDate issued = earliest.plusDays(random.nextLong(days));
        return kkSerials.number(village.kecamatanCode(), issued, false);
    }

    private Generated.Housing housing(Integer desil) {
        double wealth = desil == null ? random.nextDouble() : (desil - 1) / 9.0;
        double area = 18 + random.nextDouble() * (40 + 70 * wealth);
        return new Generated.Housing(Indicator.HOUSE_OWNERSHIP.pick(random, wealth),
                BigDecimal.valueOf(Math.round(area * 2) / 2.0).setScale(1, RoundingMode.HALF_UP),
                Indicator.FLOOR_TYPE.pick(random, wealth), Indicator.WALL_TYPE.pick(random, wealth),
                Indicator.ROOF_TYPE.pick(random, wealth), Indicator.WATER_SOURCE.pick(random, wealth),
                Indicator.LIGHTING.pick(random, wealth), Indicator.COOKING_FUEL.pick(random, wealth),
                Indicator.TOILET.pick(random, wealth));
    }

    private String birthPlace(Village village, NamePool pool, int age) {
        if (chance(age < 25 ? 0.85 : 0.6)) {
            return random.nextDouble() < 0.6 ? village.name() : districtName;
        }
        return pick(pool.birthPlaces());
    }

    private void record(List<Generated.Finding> findings, UUID memberId, ValidationResult result) {
        for (Issue issue : result.issues()) {
            findings.add(new Generated.Finding(ids.next(), memberId, issue));
        }
    }

    private int age(LocalDate birthDate) {
        return Period.between(birthDate, asOf).getYears();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String threeDigits(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : String.valueOf(n);
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}
