import type { SimVendor } from './config.ts';

/** A service as listed in a vendor's connector.sds. */
interface VendorService {
  name: string;
  /** WSDL TargetNamespace per version (`{mm}` is replaced by the version's major.minor). */
  ns: string;
  versions: string[];
  path: string;
}

/** The connector.sds shape of one vendor, taken from the real samples (see README "Vendor SDS shapes"). */
export interface VendorShape {
  source: string;
  product: {
    productType: string;
    productTypeVersion: string;
    vendorId: string;
    productCode: string;
    hwVersion: string;
    fwVersion: string;
    vendorName: string;
    productName: string;
  };
  tlsMandatory: boolean;
  clientAutMandatory: boolean;
  /** Whether the SDS lists plain-http `Endpoint`s next to `EndpointTLS`. */
  httpEndpoints: boolean;
  /** Prefix of the ProductInformation namespace ('' = default namespace). */
  piPrefix: string;
  services: VendorService[];
}

const conn = (service: string) => `http://ws.gematik.de/conn/${service}/WSDL/v{mm}`;

function services(paths: Record<string, string>, versions: Record<string, string[]>): VendorService[] {
  return Object.entries(versions).map(([name, v]) => ({
    name,
    ns: conn(name),
    versions: v,
    path: paths[name]!,
  }));
}

const ALL_PATHS = (style: 'koco' | 'secunet' | 'rise'): Record<string, string> => {
  const names = [
    'EventService',
    'CardService',
    'CertificateService',
    'CardTerminalService',
    'SignatureService',
    'EncryptionService',
    'AuthSignatureService',
  ];
  return Object.fromEntries(
    names.map((n) => {
      if (style === 'secunet') {
        return [n, `/ws/${n}`];
      }
      if (style === 'rise') {
        return [n, `/webservices/${n.toLowerCase()}`];
      }
      return [n, n === 'EventService' ? '/service/systeminformationservice' : `/service/${n.toLowerCase()}`];
    }),
  );
};

export const VENDOR_SHAPES: Record<SimVendor, VendorShape> = {
  kocobox: {
    source: 'cocard/connector.sds (KoCoBox MED+, FW 5.1.8, 2024-04-13)',
    product: {
      productType: 'Konnektor',
      productTypeVersion: '5.1.0',
      vendorId: 'KOCOC',
      productCode: 'kocobox',
      hwVersion: '2.0.0',
      fwVersion: '5.1.8',
      vendorName: 'KoCo Connector',
      productName: 'KoCoBox MED+',
    },
    tlsMandatory: false,
    clientAutMandatory: false,
    httpEndpoints: true,
    piPrefix: '',
    services: services(ALL_PATHS('koco'), {
      CertificateService: ['6.0.0', '6.0.1'],
      CardService: ['8.1.0', '8.1.1', '8.1.2'],
      CardTerminalService: ['1.1.0'],
      EventService: ['7.2.0'],
      SignatureService: ['7.4.0', '7.4.2', '7.5.5'],
      EncryptionService: ['6.1.0', '6.1.1'],
      AuthSignatureService: ['7.4.0', '7.4.1'],
    }),
  },
  secunet: {
    source: 'app-Authenticator/connSds/secunet-PTV4.xml (secunet konnektor 2.0.0, FW 4.1.3)',
    product: {
      productType: 'Konnektor PTV4',
      productTypeVersion: '4.8.2',
      vendorId: 'SECUN',
      productCode: 'secu_kon',
      hwVersion: '2.0.0',
      fwVersion: '4.1.3',
      vendorName: 'secunet Security Networks AG',
      productName: 'secunet konnektor 2.0.0',
    },
    tlsMandatory: false,
    clientAutMandatory: true,
    httpEndpoints: true,
    piPrefix: '',
    services: services(ALL_PATHS('secunet'), {
      EncryptionService: ['6.1.1', '6.1.0'],
      SignatureService: ['7.4.2', '7.4.0'],
      AuthSignatureService: ['7.4.1', '7.4.0'],
      CardService: ['8.1.2', '8.1.1', '8.1.0'],
      EventService: ['7.2.0'],
      CertificateService: ['6.0.1', '6.0.0'],
      CardTerminalService: ['1.1.0'],
    }),
  },
  rise: {
    source: 'app-Authenticator/connSds/rise-PTV3.xml (RISE Konnektor, FW 2.1.1)',
    product: {
      productType: 'Konnektor',
      productTypeVersion: '3.6.0',
      vendorId: 'RISEG',
      productCode: 'RKONN',
      hwVersion: '1.0.0',
      fwVersion: '2.1.1',
      vendorName: 'Research Industrial Systems Engineering (RISE) GmbH',
      productName: 'RISE Konnektor',
    },
    tlsMandatory: true,
    clientAutMandatory: false,
    httpEndpoints: false,
    piPrefix: '',
    services: services(ALL_PATHS('rise'), {
      CardService: ['8.1.2', '8.1.1', '8.1.0'],
      CertificateService: ['6.0.0'],
      EventService: ['7.2.0'],
      EncryptionService: ['6.1.0'],
      CardTerminalService: ['1.1.0'],
      AuthSignatureService: ['7.4.0'],
      SignatureService: ['7.4.0'],
    }),
  },
  hsk: {
    source: 'cocard/connector_services.yaml (RISE HSK vKon, TI-Gateway, FW 2.0.3, 2025-05-27)',
    product: {
      productType: 'vkon',
      productTypeVersion: '5.61.0',
      vendorId: 'RISEG',
      productCode: 'RHSK',
      hwVersion: '1.1.0',
      fwVersion: '2.0.3',
      vendorName:
        'Research Industrial Systems Engineering (RISE) Forschungs-, Entwicklungs- und Großprojektberatung GmbH',
      productName: 'RISE HSK',
    },
    tlsMandatory: true,
    clientAutMandatory: true,
    httpEndpoints: false,
    piPrefix: 'VERS',
    services: services(ALL_PATHS('rise'), {
      CardService: ['8.1.2', '8.1.1', '8.1.0'],
      CertificateService: ['6.0.0', '6.0.1'],
      EventService: ['7.2.0'],
      EncryptionService: ['6.1.0', '6.1.1'],
      CardTerminalService: ['1.1.0'],
      AuthSignatureService: ['7.4.0', '7.4.1'],
      SignatureService: ['7.4.0', '7.4.2', '7.5.5'],
    }),
  },
};

/** Which Konnektor service answers a request path, for the chosen vendor. */
export function serviceForPath(shape: VendorShape, path: string): string | undefined {
  return shape.services.find((s) => s.path === path)?.name;
}
