/**
 * The program catalogue: national and local programs (PKH, BPNT, PBI-JK, KIP/PIP, ATENSI, KUBE,
 * RS-RTLH, BLT Dana Desa, local incentives…) with their purpose, audience, benefits (amounts as data
 * with a valid-from date), documents, where and how to apply, contact and active period. Everyone may
 * read published programs; only administrators edit them, with optimistic locking and an audit
 * record. The registry keeps the program code list that participation refers to; this module adds the
 * public information for each code (table {@code program_info}).
 */
package id.slrt.program;
