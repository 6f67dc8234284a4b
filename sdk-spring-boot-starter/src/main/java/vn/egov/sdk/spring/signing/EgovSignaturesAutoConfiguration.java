package vn.egov.sdk.spring.signing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import vn.egov.sdk.axis.DocumentSigner;
import vn.egov.sdk.axis.SignatureVerifier;
import vn.egov.sdk.signing.SignatureSource;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.signing.cms.CmsSigner;
import vn.egov.sdk.signing.cms.CmsVerifier;
import vn.egov.sdk.signing.pdf.PdfSignatureVerifier;
import vn.egov.sdk.signing.pdf.PdfSigner;
import vn.egov.sdk.signing.validation.CertificateValidator;
import vn.egov.sdk.signing.xml.EdXmlAxisSignatures;
import vn.egov.sdk.signing.xml.EdXmlSignatureVerifier;
import vn.egov.sdk.signing.xml.EdXmlSigner;
import vn.egov.sdk.spring.signing.internal.SignatureSources;

/**
 * Auto-configures the signers and verifiers of sdk-signing on the key and trust of
 * {@link EgovSigningAutoConfiguration} (or the vendor's own beans of those types): with a
 * {@link SignatureSource} (the {@link SigningKey}, else the SmartCA signer), an {@link EdXmlSigner}, a
 * {@link CmsSigner} and a {@link PdfSigner}; with a {@link CertificateValidator}, an
 * {@link EdXmlSignatureVerifier}, a {@link CmsVerifier} and a {@link PdfSignatureVerifier}. The edXML signer and
 * verifier are also the axis client's {@link DocumentSigner} and {@link SignatureVerifier}: every package the
 * auto-configured axis client sends is signed, every package it fetches is verified. Each bean is replaced by a
 * vendor's bean of the same type.
 */
@AutoConfiguration(after = EgovSigningAutoConfiguration.class)
@ConditionalOnClass(SigningKey.class)
public class EgovSignaturesAutoConfiguration {
    /** Created by Spring. */
    public EgovSignaturesAutoConfiguration() {
        // configuration class
    }

    /**
     * The edXML XML-DSig signer. Made on first use: it reads the signer's certificate, which for the SmartCA signer
     * is a call to SmartCA that the application's start-up does not wait for.
     *
     * @param keys the signing key, if any (preferred)
     * @param sources every signature source
     * @return the signer
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    @ConditionalOnBean(SignatureSource.class)
    public EdXmlSigner egovEdXmlSigner(ObjectProvider<SigningKey> keys, ObjectProvider<SignatureSource> sources) {
        return EdXmlSigner.builder().source(SignatureSources.pick(keys, sources)).build();
    }

    /**
     * The CMS (CAdES) signer.
     *
     * @param keys the signing key, if any (preferred)
     * @param sources every signature source
     * @return the signer
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SignatureSource.class)
    public CmsSigner egovCmsSigner(ObjectProvider<SigningKey> keys, ObjectProvider<SignatureSource> sources) {
        return CmsSigner.builder().source(SignatureSources.pick(keys, sources)).build();
    }

    /**
     * The PDF (PAdES) signer, invisible signatures by default. Made on first use, as the edXML signer.
     *
     * @param keys the signing key, if any (preferred)
     * @param sources every signature source
     * @return the signer; Spring closes it with the context
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    @ConditionalOnBean(SignatureSource.class)
    public PdfSigner egovPdfSigner(ObjectProvider<SigningKey> keys, ObjectProvider<SignatureSource> sources) {
        return PdfSigner.builder().source(SignatureSources.pick(keys, sources)).build();
    }

    /**
     * The edXML XML-DSig verifier.
     *
     * @param validator the certificate validator
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CertificateValidator.class)
    public EdXmlSignatureVerifier egovEdXmlSignatureVerifier(CertificateValidator validator) {
        return EdXmlSignatureVerifier.builder().certificateValidator(validator).build();
    }

    /**
     * The CMS verifier.
     *
     * @param validator the certificate validator
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CertificateValidator.class)
    public CmsVerifier egovCmsVerifier(CertificateValidator validator) {
        return CmsVerifier.builder().validator(validator).build();
    }

    /**
     * The PDF signature verifier.
     *
     * @param validator the certificate validator
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CertificateValidator.class)
    public PdfSignatureVerifier egovPdfSignatureVerifier(CertificateValidator validator) {
        return PdfSignatureVerifier.builder().validator(validator).build();
    }

    /**
     * The axis clients' signer: every package sent is signed with the edXML signer (unless
     * {@code egov.signing.axis.sign=false}).
     *
     * @param signer the edXML signer, looked up when the first package is signed
     * @return the document signer
     */
    @Bean
    @ConditionalOnMissingBean(DocumentSigner.class)
    @ConditionalOnBean(EdXmlSigner.class)
    @ConditionalOnProperty(prefix = "egov.signing.axis", name = "sign", havingValue = "true", matchIfMissing = true)
    public DocumentSigner egovAxisDocumentSigner(ObjectProvider<EdXmlSigner> signer) {
        return (unsigned, signed) -> signer.getObject().sign(unsigned, signed);
    }

    /**
     * The axis clients' verifier: every package fetched carries the edXML verifier's check (unless
     * {@code egov.signing.axis.verify=false}).
     *
     * @param verifier the edXML verifier
     * @return the signature verifier
     */
    @Bean
    @ConditionalOnMissingBean(SignatureVerifier.class)
    @ConditionalOnBean(EdXmlSignatureVerifier.class)
    @ConditionalOnProperty(prefix = "egov.signing.axis", name = "verify", havingValue = "true",
            matchIfMissing = true)
    public SignatureVerifier egovAxisSignatureVerifier(EdXmlSignatureVerifier verifier) {
        return EdXmlAxisSignatures.verifier(verifier);
    }
}
