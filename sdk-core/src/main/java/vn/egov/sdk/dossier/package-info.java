/**
 * Online public-service dossiers and the national public-service portal (Cổng DVCQG): the typed records it takes
 * ({@link vn.egov.sdk.dossier.Dossier} for {@code DongBoHoSoMC}, {@link vn.egov.sdk.dossier.DossierProgress} for
 * {@code CapNhatTienDoHoSoMC}), their open code values ({@link vn.egov.sdk.dossier.DossierStatus},
 * {@link vn.egov.sdk.dossier.SubjectType}, {@link vn.egov.sdk.dossier.DeliveryMethod},
 * {@link vn.egov.sdk.dossier.SubmissionChannel}) and the validator that reports every broken rule before anything is
 * sent ({@link vn.egov.sdk.dossier.DossierValidator}); and the adapter client that carries them
 * ({@link vn.egov.sdk.dossier.DvcqgAdapterClient}: the adapter session, the {@code {session, madonvi, service}}
 * envelope, replies read by {@link vn.egov.sdk.dossier.AdapterReply}), or a province's own sync endpoints
 * ({@link vn.egov.sdk.dossier.DvcqgSyncEndpointsClient}); and the TechID lookup
 * ({@link vn.egov.sdk.dossier.TechIdLookup}).
 *
 * <p>{@link vn.egov.sdk.dossier.DossierSync} keeps the portal up to date: dossiers, progress rows, status changes
 * ({@link vn.egov.sdk.dossier.DossierStatusChange}, vendor statuses mapped by a
 * {@link vn.egov.sdk.dossier.DossierStatusMapping}) and results are recorded in a
 * {@link vn.egov.sdk.dossier.DossierOutbox} and drained in order, in the foreground or by a
 * {@link vn.egov.sdk.dossier.DossierSyncLoop}. The outbox is {@link vn.egov.sdk.dossier.InMemoryDossierOutbox} by
 * default and {@link vn.egov.sdk.dossier.FileDossierOutbox} where a crash must lose nothing.
 *
 * <p>Citizens' feedback and the national catalogue: {@link vn.egov.sdk.dossier.RatingSummary},
 * {@link vn.egov.sdk.dossier.QaItem} and {@link vn.egov.sdk.dossier.QaAnswer} sent and read by
 * {@link vn.egov.sdk.dossier.DvcqgFeedbackClient}; {@link vn.egov.sdk.dossier.Procedure},
 * {@link vn.egov.sdk.dossier.PublicService}, {@link vn.egov.sdk.dossier.Agency} and
 * {@link vn.egov.sdk.dossier.Field} read by {@link vn.egov.sdk.dossier.DvcqgCatalogueClient}; and
 * {@link vn.egov.sdk.dossier.CatalogueSync}, which keeps a local copy in a {@link vn.egov.sdk.dossier.CatalogueCache}
 * and reports what changed.
 */
package vn.egov.sdk.dossier;
