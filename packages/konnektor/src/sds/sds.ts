import { AppError } from '@praxisready/model';
import { child, children, optText, parseXml, type XmlElement } from '../xml/safe-xml.ts';
import { NS } from '../soap/namespaces.ts';

/** ProductInformation of a Konnektor or card terminal (tel/version/ProductInformation.xsd). */
export interface ProductInformation {
  informationDate?: string;
  productType?: string;
  productTypeVersion?: string;
  vendorId?: string;
  productCode?: string;
  hwVersion?: string;
  fwVersion?: string;
  vendorName?: string;
  productName?: string;
}

export interface SdsServiceVersion {
  version: string;
  targetNamespace: string;
  /** Plain-http endpoint, when the Konnektor offers one. */
  endpoint?: string;
  endpointTls?: string;
}

export interface SdsService {
  name: string;
  versions: SdsServiceVersion[];
}

/** The parsed `connector.sds` (ServiceDirectory 3.1). */
export interface ConnectorSds {
  product: ProductInformation;
  tlsMandatory: boolean;
  clientAutMandatory: boolean;
  services: SdsService[];
}

/** Reads ProductInformation by namespace-agnostic local names (prefixes vary per vendor). */
export function readProductInformation(pi: XmlElement | undefined): ProductInformation {
  const id = child(pi, 'ProductIdentification');
  const local = child(child(id, 'ProductVersion'), 'Local');
  const out: ProductInformation = {};
  const set = (k: keyof ProductInformation, v: string | undefined) => {
    if (v !== undefined) {
      out[k] = v;
    }
  };
  set('informationDate', optText(pi, 'InformationDate'));
  set('productType', optText(pi, 'ProductTypeInformation', 'ProductType'));
  set('productTypeVersion', optText(pi, 'ProductTypeInformation', 'ProductTypeVersion'));
  set('vendorId', optText(id, 'ProductVendorID'));
  set('productCode', optText(id, 'ProductCode'));
  set('hwVersion', optText(local, 'HWVersion'));
  set('fwVersion', optText(local, 'FWVersion'));
  set('vendorName', optText(pi, 'ProductMiscellaneous', 'ProductVendorName'));
  set('productName', optText(pi, 'ProductMiscellaneous', 'ProductName'));
  return out;
}

/**
 * Parses a connector.sds document. Namespace-aware (root must be ServiceDirectory v3.1 `ConnectorServices`);
 * a `Version` without its `Version` attribute (seen in a real secunet sample) is skipped, not fatal.
 */
export function parseConnectorSds(xml: string | Buffer): ConnectorSds {
  const root = parseXml(xml, 'connector.sds');
  if (root.name !== 'ConnectorServices' || root.ns !== NS.SD) {
    throw new AppError(
      'PARSE_FAILED',
      `connector.sds root is <${root.name}> in '${root.ns}', expected ConnectorServices`,
      {
        hint: 'Die URL liefert kein connector.sds des Konnektors. Basis-URL prüfen (z. B. https://<IP>:443).',
      },
    );
  }
  const services: SdsService[] = children(child(root, 'ServiceInformation'), 'Service').map((s) => ({
    name: s.attrs.Name ?? '',
    versions: children(child(s, 'Versions'), 'Version')
      .filter((v) => v.attrs.Version !== undefined && v.attrs.Version !== '')
      .map((v) => {
        const out: SdsServiceVersion = {
          version: v.attrs.Version!,
          targetNamespace: v.attrs.TargetNamespace ?? '',
        };
        const ep = child(v, 'Endpoint')?.attrs.Location;
        const tls = child(v, 'EndpointTLS')?.attrs.Location;
        if (ep) {
          out.endpoint = ep;
        }
        if (tls) {
          out.endpointTls = tls;
        }
        return out;
      }),
  }));
  return {
    product: readProductInformation(child(root, 'ProductInformation')),
    tlsMandatory: optText(root, 'TLSMandatory') === 'true',
    clientAutMandatory: optText(root, 'ClientAutMandatory') === 'true',
    services: services.filter((s) => s.name !== ''),
  };
}

/** Compares dotted versions numerically (`8.1.10` > `8.1.2`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}

/** `major.minor` of a version string. */
export function majorMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/**
 * Chooses the newest version of a service whose major.minor the client implements (TIP1-A_4966: major and minor
 * must match, the revision may differ). Returns undefined when the Konnektor offers none of them.
 */
export function selectServiceVersion(
  sds: ConnectorSds,
  serviceName: string,
  supportedMajorMinor: readonly string[],
): SdsServiceVersion | undefined {
  const service = sds.services.find((s) => s.name === serviceName);
  const usable = (service?.versions ?? []).filter((v) => supportedMajorMinor.includes(majorMinor(v.version)));
  return usable.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/**
 * The URL to call for a service version. Prefers the scheme of the base URL (http base → `Endpoint`, https base →
 * `EndpointTLS`); with `rewrite`, scheme, host and port are replaced by the base URL's and only the path is kept
 * (for SDS files naming `localhost`, internal names or unreachable IPs).
 */
export function endpointFor(version: SdsServiceVersion, baseUrl: URL, rewrite: boolean): URL {
  const wantsTls = baseUrl.protocol === 'https:';
  const raw =
    (wantsTls ? version.endpointTls : (version.endpoint ?? version.endpointTls)) ?? version.endpoint;
  if (raw === undefined) {
    throw new AppError('PARSE_FAILED', `connector.sds names no endpoint for version ${version.version}`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch (e) {
    throw new AppError('PARSE_FAILED', `connector.sds endpoint is not a URL: ${raw}`, { cause: e });
  }
  if (rewrite) {
    url.protocol = baseUrl.protocol;
    url.host = baseUrl.host;
  }
  return url;
}
