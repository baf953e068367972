export { EsdbStandIn, type EsdbStandInOptions } from './esdb.stand-in';
