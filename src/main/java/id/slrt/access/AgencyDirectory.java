package id.slrt.access;

import java.util.Map;

/**
 * The partner agencies a MITRA user may belong to, as code → name. A partner user's {@code agency} is the
 * agency's code (the referral module provides the list; access does not depend on it).
 */
public interface AgencyDirectory {
    Map<String, String> agencies();
}
