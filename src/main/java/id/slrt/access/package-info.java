/** Users, roles, region scopes, log-in, sessions, API tokens, passwords and lockout. */
package id.slrt.access;
