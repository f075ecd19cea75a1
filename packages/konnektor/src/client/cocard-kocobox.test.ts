import { describe, expect, it } from 'vitest';
import { cocard } from '../__fixtures__/cocard.test-data.ts';
import { unwrapSoap } from '../soap/envelope.ts';
import { parseOperationResponse, type OperationName } from '../soap/operations.ts';
import { cardFacts, terminalFacts } from './inspect.ts';

function read<O extends OperationName>(op: O, file: string) {
  return parseOperationResponse(op, unwrapSoap(cocard(file), op));
}

describe('real KoCoBox MED+ answers (cocard values)', () => {
  it('GetCardTerminals: the ORGA 6100 and the disconnected terminal with placeholder product info', () => {
    const [orga, off] = read('GetCardTerminals', 'get_card_terminals').terminals.map(terminalFacts);
    expect(orga).toEqual({
      ctId: 'CT_ID_0176',
      name: 'ORGA6100-0241000000B692',
      ipAddress: '10.200.149.235',
      macAddress: '00-0D-F8-0C-86-52',
      workplaceIds: ['Konnektor', 'GUSbox03'],
      connected: true,
      physical: true,
      slots: 4,
      vendor: 'INGHC',
      productCode: 'ORGA6100',
      firmware: '3.8.2',
      hardware: '1.2.0',
      placeholderProductInfo: false,
    });
    expect(off).toEqual({
      ctId: 'CT_ID_0000',
      name: 'ORGA6100-014000000179AD',
      ipAddress: '10.200.149.152',
      macAddress: '00-0D-F8-07-2C-67',
      workplaceIds: ['Konnektor', 'GUSbox03'],
      connected: false,
      physical: true,
      slots: 0,
      placeholderProductInfo: true,
    });
  });

  it('GetCards: SMC-KT (holder = its ICCSN) and SMC-B with object system version', () => {
    const cards = read('GetCards', 'get_cards').cards.map(cardFacts);
    expect(
      cards.map((c) => [
        c.type,
        c.iccsn,
        c.holder,
        c.ctId,
        c.slotId,
        c.certificateExpiration,
        c.objectSystemVersion,
      ]),
    ).toEqual([
      ['SMC-KT', '80276003550000465863', '80276003550000465863', 'CT_ID_0176', '4', '2026-11-11', '4.3.0'],
      ['SMC-B', '80276002711000000000', "Doctor Who's Universe", 'CT_ID_0176', '3', '2027-01-19', '4.8.0'],
    ]);
    expect(cards[1]!.cardHandle).toBe('ee676b27-5b40-4a40-9c65-979cc3113a1e');
  });

  it('GetPinStatus: VERIFIABLE with 3 tries left', () => {
    expect(read('GetPinStatus', 'get_pin_status')).toEqual({
      status: { result: 'OK' },
      pinStatus: 'VERIFIABLE',
      leftTries: '3',
    });
  });

  it('CheckCertificateExpiration: the gSMC-K entry has no CtID and no CardHandle', () => {
    const { entries } = read('CheckCertificateExpiration', 'check_certificate_expiration');
    expect(entries).toEqual([
      {
        ctId: 'CT_ID_0176',
        cardHandle: '20e81a27-92ce-4af0-b709-db8ac14c601b',
        iccsn: '80276002711000059999',
        subjectCommonName: "Doctor Who's Universe",
        serialNumber: '4613338',
        validity: '2026-08-15',
      },
      {
        iccsn: '80276003640000909999',
        subjectCommonName: '80276003640000909999-20200224',
        serialNumber: '1469298',
        validity: '2025-12-31',
      },
      {
        ctId: 'CT_ID_0176',
        cardHandle: '98836d97-9e39-49e2-96ae-2bda49718737',
        iccsn: '80276003550000469999',
        subjectCommonName: '80276003550000469999',
        serialNumber: '275972',
        validity: '2026-11-11',
      },
    ]);
  });

  it('never records an eGK holder name (patient data)', () => {
    const egk = cardFacts({
      cardHandle: 'h',
      cardType: 'EGK',
      ctId: 'c',
      slotId: '1',
      cardHolderName: 'Erika Mustermann',
      hasKvnr: true,
    });
    expect(egk.holder).toBeUndefined();
    expect(JSON.stringify(egk)).not.toContain('Mustermann');
  });
});
