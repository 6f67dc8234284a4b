/** Internals of the starter's dossier part; not an API. */
package vn.egov.sdk.spring.dossier.internal;
