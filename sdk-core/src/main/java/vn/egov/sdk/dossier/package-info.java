/**
 * Online public-service dossiers and the national public-service portal (Cổng DVCQG): the typed records it takes
 * ({@link vn.egov.sdk.dossier.Dossier} for {@code DongBoHoSoMC}, {@link vn.egov.sdk.dossier.DossierProgress} for
 * {@code CapNhatTienDoHoSoMC}), their open code values ({@link vn.egov.sdk.dossier.DossierStatus},
 * {@link vn.egov.sdk.dossier.SubjectType}, {@link vn.egov.sdk.dossier.DeliveryMethod},
 * {@link vn.egov.sdk.dossier.SubmissionChannel}) and the validator that reports every broken rule before anything is
 * sent ({@link vn.egov.sdk.dossier.DossierValidator}); and the adapter client that carries them
 * ({@link vn.egov.sdk.dossier.DvcqgAdapterClient}: the adapter session, the {@code {session, madonvi, service}}
 * envelope, replies read by {@link vn.egov.sdk.dossier.AdapterReply}).
 *
 * <p>{@link vn.egov.sdk.dossier.DossierSync} keeps the portal up to date: dossiers, progress rows, status changes
 * ({@link vn.egov.sdk.dossier.DossierStatusChange}, vendor statuses mapped by a
 * {@link vn.egov.sdk.dossier.DossierStatusMapping}) and results are recorded in a
 * {@link vn.egov.sdk.dossier.DossierOutbox} and drained in order, in the foreground or by a
 * {@link vn.egov.sdk.dossier.DossierSyncLoop}.
 */
package vn.egov.sdk.dossier;
