package id.slrt.registry.generator;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * PPKS conditions and program participation, targeted the way bansos are: mostly to desil 1–4.
 * PKH and BPNT are family programs (one row for the household); PBI-JK and KIP are per person, as the
 * cards are: every member of a PBI household, and some pupils of poor households.
 */
final class Benefits {
    private static final LocalDate PKH_START = LocalDate.of(2015, 1, 1);
    private static final LocalDate BPNT_START = LocalDate.of(2018, 1, 1);
    private static final LocalDate PBI_START = LocalDate.of(2014, 1, 1);
    private static final LocalDate DTKS_START = LocalDate.of(2011, 1, 1);

    private final Random random;
    private final SeededIds ids;
    private final LocalDate asOf;

    Benefits(Random random, SeededIds ids, LocalDate asOf) {
        this.random = random;
        this.ids = ids;
        this.asOf = asOf;
    }

    List<Generated.Participation> programs(List<Generated.Member> members, Integer desil) {
        List<Generated.Participation> programs = new ArrayList<>();
        boolean poor = desil != null && desil <= 4;
        boolean pkh = poor && hasPkhComponent(members) && chance(0.38);
        if (pkh) {
            programs.add(family("PKH", PKH_START));
        }
        if (poor && chance(pkh ? 0.9 : 0.36)) {
            programs.add(family("BPNT", BPNT_START));
        }
        if (desil != null && desil <= 6 && chance(0.72)) {
            members.forEach(m -> programs.add(person("PBI_JK", m, later(PBI_START, m.birthDate()))));
        }
        for (Generated.Member m : members) {
            int age = age(m);
            if (poor && age >= 6 && age <= 21 && Attributes.PELAJAR.equals(m.occupation()) && chance(0.55)) {
                programs.add(person("KIP", m, later(PKH_START, m.birthDate().plusYears(6))));
            }
        }
        return programs;
    }

    List<Generated.Ppks> ppks(List<Generated.Member> members, Integer desil, Generated.Housing housing) {
        List<Generated.Ppks> ppks = new ArrayList<>();
        if (chance(poorFamilyShare(desil))) {
            ppks.add(new Generated.Ppks(ids.next(), null, "FM", since(DTKS_START)));
        }
        if (("TANAH".equals(housing.floor()) || "BAMBU".equals(housing.wall())) && chance(0.5)) {
            ppks.add(new Generated.Ppks(ids.next(), null, "RTLH", since(DTKS_START)));
        }
        if (desil != null && desil >= 5 && desil <= 6 && chance(0.04)) {
            ppks.add(new Generated.Ppks(ids.next(), null, "KR", since(DTKS_START)));
        }
        if (chance(0.005)) {
            ppks.add(new Generated.Ppks(ids.next(), null, "KBA", since(asOf.minusYears(3))));
        }
        for (Generated.Member m : members) {
            personal(m, members.size() == 1, desil, ppks);
        }
        return ppks;
    }

    /** Family programs are paid into an account: most PKH/BPNT families have one, fewer others. */
    boolean hasAccount(List<Generated.Participation> programs) {
        boolean paid = programs.stream().anyMatch(p -> p.program().equals("PKH") || p.program().equals("BPNT"));
        return chance(paid ? 0.85 : 0.5);
    }

    private void personal(Generated.Member m, boolean alone, Integer desil, List<Generated.Ppks> ppks) {
        int age = age(m);
        if (!Attributes.NO_DISABILITY.equals(m.disability())) {
            ppks.add(personal(m, "PD", later(asOf.minusYears(10), m.birthDate())));
            if ("MENTAL".equals(m.disability())) {
                ppks.add(personal(m, "ODGJ", later(asOf.minusYears(10), m.birthDate())));
            }
        }
        if (age >= 60 && chance(alone ? 0.45 : desil != null && desil <= 3 ? 0.1 : 0)) {
            ppks.add(personal(m, "LUT", later(asOf.minusYears(8), m.birthDate().plusYears(60))));
        }
        boolean singleMother = m.relationship() == Relationship.KEPALA && m.sex() == Sex.P
                && m.maritalStatus().startsWith("CERAI");
        if (singleMother && desil != null && desil <= 4 && chance(0.25)) {
            ppks.add(personal(m, "PRSE", since(asOf.minusYears(8))));
        }
        if (age >= 6 && age < 18 && desil != null && desil <= 2 && chance(0.005)) {
            ppks.add(personal(m, "AT", since(asOf.minusYears(3))));
        }
    }

    private static double poorFamilyShare(Integer desil) {
        if (desil == null) {
            return 0.3;
        }
        return desil <= 4 ? 0.9 : desil == 5 ? 0.4 : 0;
    }

    private boolean hasPkhComponent(List<Generated.Member> members) {
        return members.stream().anyMatch(m -> age(m) < 21 || age(m) >= 60
                || !Attributes.NO_DISABILITY.equals(m.disability()));
    }

    private Generated.Ppks personal(Generated.Member m, String category, LocalDate since) {
        return new Generated.Ppks(ids.next(), m.id(), category, since);
    }

    private Generated.Participation family(String program, LocalDate start) {
        return new Generated.Participation(ids.next(), null, program, since(start));
    }

    private Generated.Participation person(String program, Generated.Member m, LocalDate start) {
        return new Generated.Participation(ids.next(), m.id(), program, since(start));
    }

    /** A day between {@code start} and the as-of date. */
    private LocalDate since(LocalDate start) {
        long days = asOf.toEpochDay() - start.toEpochDay();
        return days <= 0 ? asOf : start.plusDays(random.nextInt((int) days + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private int age(Generated.Member m) {
        return Period.between(m.birthDate(), asOf).getYears();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
