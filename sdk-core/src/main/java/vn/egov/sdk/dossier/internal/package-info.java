/** Internals of the dossier records: the wire codec, the portal's date form and bounded JSON reading. */
package vn.egov.sdk.dossier.internal;
