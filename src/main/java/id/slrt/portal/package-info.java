/**
 * Public pages without log-in, phone-first and in Bahasa Indonesia by default: the program list and
 * detail with search, and "which programs might fit me?" — a few questions answered by a small rule
 * table ({@link id.slrt.portal.FitRules}) that store nothing: the form is a GET, no session is made,
 * the answers are not logged. Later: the complaint form, the status check and public questions.
 */
package id.slrt.portal;
