/** Dashboards, statistics, operator activity and the home page of each role. */
package id.slrt.report;
