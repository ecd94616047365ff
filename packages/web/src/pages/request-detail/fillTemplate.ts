import type { RequestDetail } from '../../api/requests';
import type { ResponseTemplate } from '../../api/responseTemplates';
import { cityTimeZone } from '../../clock';

/** Puts the request's values into a ready answer's {placeholders}, in the citizen's language. */
export function fillTemplate(template: ResponseTemplate, detail: RequestDetail, language: string): string {
  const english = (detail.citizen?.locale ?? language) === 'en';
  const body = english && template.bodyEn ? template.bodyEn : template.bodyTr;
  const values: Record<string, string> = {
    trackingNo: detail.trackingNo,
    citizenName: detail.citizen?.fullName ?? '',
    category: english ? detail.categoryNameEn : detail.categoryName,
    unit: detail.unitName,
    district: detail.districtName ?? '',
    neighbourhood: detail.neighbourhoodName ?? '',
    date: new Date().toLocaleDateString(english ? 'en-GB' : 'tr-TR', { timeZone: cityTimeZone() }),
  };
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
