/** Value types every module needs: ids, the current actor, region codes. Keep it tiny. */
package id.slrt.shared;
