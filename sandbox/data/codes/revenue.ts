/**
 * Revenue center codes of institutional claim lines (UB-04 form locator 42) with the short
 * descriptions CMS publishes for REV_CNTR (Medicare Claims Processing Manual, ch. 25).
 * BFD writes the code under `https://bluebutton.cms.gov/resources/variables/rev_cntr`.
 */
export const REVENUE_CENTERS: Readonly<Record<string, string>> = {
  '0250': 'Pharmacy - general classification',
  '0260': 'IV therapy - general classification',
  '0270': 'Medical/surgical supplies and devices - general classification',
  '0278': 'Medical/surgical supplies - other implants',
  '0300': 'Laboratory - general classification',
  '0320': 'Radiology - diagnostic - general classification',
  '0350': 'CT scan - general classification',
  '0360': 'Operating room services - general classification',
  '0410': 'Respiratory services - general classification',
  '0420': 'Physical therapy - general classification',
  '0421': 'Physical therapy - visit charge',
  '0430': 'Occupational therapy - general classification',
  '0431': 'Occupational therapy - visit charge',
  '0450': 'Emergency room - general classification',
  '0510': 'Clinic - general classification',
  '0551': 'Skilled nursing - visit charge',
  '0561': 'Medical social services - visit charge',
  '0571': 'Home health aide - visit charge',
  '0636': 'Drugs requiring detailed coding',
  '0651': 'Hospice - routine home care',
  '0730': 'EKG/ECG - general classification',
};
