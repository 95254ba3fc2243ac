package id.slrt.registry.generator;

import id.slrt.registry.Issue;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One generated household with everything that belongs to it, as it will be written. */
final class Generated {
    private Generated() {
    }

    record Household(UUID id, Village village, String noKk, String address, String rt, String rw, String dusun,
                     BigDecimal latitude, BigDecimal longitude, Housing housing, Integer desil, LocalDate desilAsOf,
                     Quality quality, List<Member> members, Account account, List<Ppks> ppks,
                     List<Participation> programs, List<Finding> findings) {

        Member head() {
            return members.get(0);
        }
    }

    record Housing(String ownership, BigDecimal floorArea, String floor, String wall, String roof, String water,
                   String lighting, String cookingFuel, String toilet) {
    }

    /** {@code modernName}: the name before an injected old spelling, null when there was none. */
    record Member(UUID id, String nik, String fullName, String birthPlace, LocalDate birthDate, Sex sex,
                  Relationship relationship, String maritalStatus, String education, String occupation,
                  String disability, String motherName, String phone, Quality quality, Set<Injection> injected,
                  String modernName) {

        Member withQuality(Quality worse) {
            return new Member(id, nik, fullName, birthPlace, birthDate, sex, relationship, maritalStatus, education,
                    occupation, disability, motherName, phone, quality.worst(worse), injected, modernName);
        }
    }

    record Account(UUID id, UUID memberId, String bankCode, String number, String holderName, Instant verifiedAt,
                   boolean injected) {
    }

    /** A PPKS condition; {@code memberId} null for one of the whole household (FM, KR, RTLH). */
    record Ppks(UUID id, UUID memberId, String category, LocalDate since) {
    }

    /** A program; {@code memberId} null for a family program (PKH, BPNT). */
    record Participation(UUID id, UUID memberId, String program, LocalDate since) {
    }

    /** A validator's finding; {@code memberId} null for one about the household (its No. KK). */
    record Finding(UUID id, UUID memberId, Issue issue) {
    }
}
