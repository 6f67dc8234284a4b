/**
 * The starter's one-stop-shop dossier part: {@link vn.egov.sdk.spring.dossier.EgovDossierProperties}
 * ({@code egov.dossier.*}) and {@link vn.egov.sdk.spring.dossier.EgovDossierAutoConfiguration}: the national
 * public-service portal's adapter client, the catalogue, the outbox, the {@link vn.egov.sdk.dossier.DossierSync}
 * and its drain as a lifecycle ({@link vn.egov.sdk.spring.dossier.DossierSyncLifecycle}).
 */
package vn.egov.sdk.spring.dossier;
