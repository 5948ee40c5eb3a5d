export { clientAddressOf, CLIENT_ADDRESS_HEADER, installClientAddressStamp, stampClientAddress } from "./stamp";
export { normaliseAddress, resolveClientAddress } from "./resolve";
