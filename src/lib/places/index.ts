/** Places in Korea the app recognises by name. */
export { SIDO, sidoByName, sidoNames, type Sido } from './sido';
