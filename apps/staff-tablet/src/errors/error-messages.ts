// What a shop assistant reads when the service refuses something: one sentence per code of the API's
// error table (README, "Error codes"), saying what happened and what to do, never the code itself.
import type { CombinedError } from 'urql';
import type { Language } from '../i18n/i18n';

type Words = Record<Language, string>;

export const ERROR_MESSAGES: Record<string, Words> = {
  NETWORK: {
    en: 'The tablet cannot reach the service. Check the Wi-Fi, then try again: nothing was lost.',
    fr: 'La tablette ne joint pas le service. Vérifiez le Wi-Fi puis réessayez : rien n’est perdu.',
  },
  UNAUTHENTICATED: { en: 'Your session has ended. Please sign in again.', fr: 'Votre session est terminée. Reconnectez-vous.' },
  FORBIDDEN: {
    en: 'Your role does not allow this here. Ask a manager.',
    fr: 'Votre rôle ne permet pas cette action ici. Demandez à un responsable.',
  },
  NOT_FOUND: { en: 'Not found. Check what you typed.', fr: 'Introuvable. Vérifiez la saisie.' },
  BAD_USER_INPUT: { en: 'Something typed is not valid. Check the fields.', fr: 'Une saisie n’est pas valide. Vérifiez les champs.' },
  RATE_LIMITED: { en: 'Too many attempts. Wait a moment, then try again.', fr: 'Trop de tentatives. Patientez un instant puis réessayez.' },
  SERVICE_UNAVAILABLE: {
    en: 'The service is busy for a moment. Try again: nothing was done twice.',
    fr: 'Le service est momentanément indisponible. Réessayez : rien n’est fait deux fois.',
  },
  INTERNAL_SERVER_ERROR: {
    en: 'Something went wrong on the service. Try again; if it persists, call support.',
    fr: 'Un problème est survenu sur le service. Réessayez ; si cela continue, appelez le support.',
  },
  INVALID_CREDENTIALS: { en: 'Wrong email or password.', fr: 'E-mail ou mot de passe incorrect.' },
  INVALID_PICKUP_CODE: {
    en: 'That code is not right. Ask the customer to show it again.',
    fr: 'Ce code n’est pas le bon. Demandez au client de le montrer à nouveau.',
  },
  PICKUP_CODE_LOCKED: {
    en: 'Too many wrong codes: this pickup is locked. A manager must check the customer’s ID and unlock it.',
    fr: 'Trop de codes erronés : ce retrait est bloqué. Un responsable doit vérifier la pièce d’identité et le débloquer.',
  },
  PICKUP_EXPIRED: {
    en: 'The hold has ended: the items went back on sale and the customer was told.',
    fr: 'La réservation est terminée : les articles sont remis en vente et le client a été prévenu.',
  },
  INVALID_STATE: {
    en: 'This was already done or cannot be done now. The screen shows the latest state.',
    fr: 'C’est déjà fait ou impossible pour l’instant. L’écran affiche l’état à jour.',
  },
  NOT_IN_FULFILLMENT: { en: 'That item is not in this pickup.', fr: 'Cet article ne fait pas partie de ce retrait.' },
  NOTHING_COLLECTED: {
    en: 'The customer keeps nothing: that is a cancellation, not a handover.',
    fr: 'Le client ne garde rien : c’est une annulation, pas une remise.',
  },
  INVALID_QUANTITY: { en: 'That quantity is not possible.', fr: 'Cette quantité n’est pas possible.' },
  OUT_OF_STOCK: {
    en: 'No store or warehouse can supply this now. Nothing was reserved.',
    fr: 'Aucun magasin ni entrepôt ne peut le fournir maintenant. Rien n’a été réservé.',
  },
  INSUFFICIENT_STOCK: {
    en: 'There are not that many units to move (some are reserved for orders or already off sale). Check the quantity.',
    fr: 'Il n’y a pas autant d’unités à déplacer (certaines sont réservées ou déjà hors vente). Vérifiez la quantité.',
  },
  UNKNOWN_SKU: { en: 'No product has that reference.', fr: 'Aucun produit n’a cette référence.' },
  UNKNOWN_LOCATION: { en: 'That store does not exist.', fr: 'Ce magasin n’existe pas.' },
  UNKNOWN_CUSTOMER: { en: 'That customer does not exist.', fr: 'Ce client n’existe pas.' },
  LOCATION_REQUIRED: { en: 'Your account has no store. Ask a manager.', fr: 'Votre compte n’a pas de magasin. Demandez à un responsable.' },
  PICKUP_NOT_AVAILABLE: { en: 'That store does not take pickups.', fr: 'Ce magasin ne fait pas le retrait.' },
  PRODUCT_UNAVAILABLE: { en: 'This product is no longer on sale.', fr: 'Ce produit n’est plus en vente.' },
  CONTACT_REQUIRED: { en: 'Type the customer’s email.', fr: 'Saisissez l’e-mail du client.' },
  ADDRESS_REQUIRED: { en: 'A home delivery needs the address.', fr: 'Une livraison à domicile demande l’adresse.' },
  EMPTY_CART: { en: 'Nothing to order yet.', fr: 'Rien à commander pour l’instant.' },
  IDEMPOTENCY_KEY_REUSED: {
    en: 'This order was already placed differently. Start again.',
    fr: 'Cette commande a déjà été passée autrement. Recommencez.',
  },
  PAYMENT_DECLINED: { en: 'The card was declined. Try another card.', fr: 'La carte a été refusée. Essayez une autre carte.' },
  PAYMENT_UNAVAILABLE: {
    en: 'Payment cannot be reached. Try again in a moment.',
    fr: 'Le paiement est injoignable. Réessayez dans un instant.',
  },
  PAYMENT_REQUIRED: { en: 'A payment is needed for this order.', fr: 'Un paiement est nécessaire pour cette commande.' },
  PRICE_CHANGED: { en: 'The price changed. Check the total and order again.', fr: 'Le prix a changé. Vérifiez le total et recommandez.' },
  DUPLICATE: { en: 'That already exists.', fr: 'Cela existe déjà.' },
  RETURN_NOT_ALLOWED: {
    en: 'This item was never handed over to the customer (or is not in this return): it cannot come back.',
    fr: 'Cet article n’a jamais été remis au client (ou ne fait pas partie de ce retour) : il ne peut pas être repris.',
  },
  RETURN_QUANTITY_EXCEEDED: {
    en: 'More units than the customer received (less those already brought back). Lower the quantity.',
    fr: 'Plus d’unités que le client n’en a reçu (moins celles déjà rendues). Baissez la quantité.',
  },
  RETURN_WINDOW_CLOSED: {
    en: 'The return period for this order has ended. Ask a manager about a gesture.',
    fr: 'Le délai de retour de cette commande est dépassé. Demandez à un responsable pour un geste commercial.',
  },
  EXCHANGE_NOT_ALLOWED: {
    en: 'An exchange is only for another size of the same item, at the same price, for no more units than come back.',
    fr: 'Un échange se fait contre une autre taille du même article, au même prix, sans dépasser les unités rendues.',
  },
  COUNT_IN_PROGRESS: {
    en: 'Another count already covers one of these items. Apply or cancel that count first.',
    fr: 'Un autre inventaire couvre déjà l’un de ces articles. Validez ou annulez-le d’abord.',
  },
  NOT_IN_DOCUMENT: {
    en: 'That item is not on this transfer or count, or more units than were sent. Check the lines.',
    fr: 'Cet article n’est pas dans ce transfert ou cet inventaire, ou plus d’unités que l’envoi. Vérifiez les lignes.',
  },
};

const GENERIC: Words = {
  en: 'That did not work. Try again, or ask a manager.',
  fr: 'Cela n’a pas marché. Réessayez ou demandez à un responsable.',
};

/** The sentence for an error code, in the member's language; a code this version does not know reads as a general failure. */
export function errorMessage(code: string | undefined, language: Language): string {
  return (code && ERROR_MESSAGES[code]?.[language]) || GENERIC[language];
}

/** The code of a urql error: NETWORK when the service did not answer, else the first GraphQL error's extensions.code. */
export function errorCodeOf(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError && !error.graphQLErrors.length) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
