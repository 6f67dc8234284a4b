package vn.egov.sdk.signing.remote;

import java.security.cert.X509Certificate;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;

/**
 * A certificate a remote service holds for a signer. Immutable.
 *
 * @param certificateId the service's id of the credential ({@code cert_id}), empty if it gave none
 * @param serialNumber the certificate's serial number as lowercase hexadecimal, without leading zeros
 * @param status the service's word for the certificate's state ({@code cert_status}), empty if none
 * @param serviceName the service plan ({@code service_name}), empty if none
 * @param certificate the certificate itself ({@code cert_data})
 */
public record RemoteCertificate(Optional<String> certificateId, String serialNumber, Optional<String> status,
                                Optional<String> serviceName, X509Certificate certificate) {
    /**
     * Checks the fields.
     *
     * @param certificateId the service's id of the credential, or empty
     * @param serialNumber the serial number as lowercase hexadecimal; required
     * @param status the service's word for the certificate's state, or empty
     * @param serviceName the service plan, or empty
     * @param certificate the certificate; required
     */
    public RemoteCertificate {
        ValidationException.requireNonNull(certificateId, "RemoteCertificate.certificateId");
        ValidationException.requireNonNull(serialNumber, "RemoteCertificate.serialNumber");
        ValidationException.requireNonNull(status, "RemoteCertificate.status");
        ValidationException.requireNonNull(serviceName, "RemoteCertificate.serviceName");
        ValidationException.requireNonNull(certificate, "RemoteCertificate.certificate");
    }

    /**
     * Whether this certificate has a serial number, compared as a number (any case, leading zeros ignored).
     *
     * @param serial the serial as hexadecimal
     * @return whether it is this certificate's
     */
    public boolean hasSerial(String serial) {
        try {
            return serial != null && new java.math.BigInteger(serial.trim(), 16).equals(certificate.getSerialNumber());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RemoteCertificate[" + serialNumber + ", " + certificate.getSubjectX500Principal().getName()
                + status.map(s -> ", " + s).orElse("") + "]";
    }
}
