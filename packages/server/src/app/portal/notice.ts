/**
 * The privacy notice (aydınlatma metni, KVKK art. 10) the portal shows before a submission.
 * A change of wording is a new version: consents record the version the person saw.
 */
export const NOTICE_VERSION = 'portal-2026-1';

export const PRIVACY_NOTICE = {
  tr: 'Kişisel verileriniz (ad soyad, telefon, e-posta, konum ve fotoğraflar) 6698 sayılı Kişisel Verilerin Korunması Kanunu uyarınca, veri sorumlusu belediyemiz tarafından yalnızca başvurunuzu almak, ilgili birime iletmek, sonuçlandırmak ve size bilgi vermek amacıyla işlenir; bu amaçla belediyenin ilgili birimleri ve görevi gereği yetkili kurumlar dışında kimseyle paylaşılmaz. Telefon numaranıza doğrulama kodu ve başvurunuzla ilgili bilgilendirme SMS\'leri gönderilir. Verileriniz saklama süresi dolduğunda anonimleştirilir. Kanunun 11. maddesindeki haklarınız (bilgi alma, düzeltme, silme, itiraz) için Çözüm Merkezi\'ne başvurabilirsiniz.',
  en: 'Your personal data (name, phone, e-mail, location and photos) is processed by the municipality as data controller under the Personal Data Protection Law no. 6698, only to receive your request, pass it to the responsible unit, resolve it and keep you informed; it is shared only with the municipality\'s units concerned and authorities entitled to it. A confirmation code and messages about your request are sent to your phone by SMS. Your data is anonymised when its retention period ends. For your rights under article 11 of the law (to be informed, to correct, to erase, to object) contact the Solution Centre.',
} as const;
