package com.userimages.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevelopmentKeyPairTest {
    @Test
    void aKeyPairIsAConsistentRsaKeyThatTheJdkSignsAndVerifiesWith() throws Exception {
        KeyPair pair = DevelopmentKeyPair.generate();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();

        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals(BigInteger.valueOf(65537), publicKey.getPublicExponent());
        BigInteger p = privateKey.getPrimeP();
        BigInteger q = privateKey.getPrimeQ();
        assertTrue(p.isProbablePrime(100) && q.isProbablePrime(100));
        assertEquals(publicKey.getModulus(), p.multiply(q));
        BigInteger d = privateKey.getPrivateExponent();
        assertTrue(d.compareTo(BigInteger.ONE.shiftLeft(1024)) > 0, "d above 2^1024");
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        assertEquals(BigInteger.ONE, d.multiply(BigInteger.valueOf(65537)).mod(pMinus1));
        assertEquals(BigInteger.ONE, d.multiply(BigInteger.valueOf(65537)).mod(qMinus1));
        assertEquals(d.mod(pMinus1), privateKey.getPrimeExponentP());
        assertEquals(d.mod(qMinus1), privateKey.getPrimeExponentQ());
        assertEquals(BigInteger.ONE, privateKey.getCrtCoefficient().multiply(q).mod(p));

        byte[] message = "a development token".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void everyKeyPairHasPrimesOfItsOwn() {
        Set<BigInteger> primes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) DevelopmentKeyPair.generate().getPrivate();
            assertTrue(primes.add(key.getPrimeP()));
            assertTrue(primes.add(key.getPrimeQ()));
        }
    }

    @Test
    void primesThatMakeAShortModulusArePassedOver() {
        BigInteger small = smallestUsablePrimeFrom(BigInteger.ONE.shiftLeft(1023));
        BigInteger alsoSmall = smallestUsablePrimeFrom(BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE.shiftLeft(1000)));
        assertEquals(2047, small.multiply(alsoSmall).bitLength());
        assertFalse(DevelopmentKeyPair.pair(small, alsoSmall).isPresent());
    }

    @Test
    void primesTooCloseTogetherArePassedOver() {
        BigInteger p = smallestUsablePrimeFrom(BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE.shiftLeft(1022)));
        BigInteger q = smallestUsablePrimeFrom(p.add(BigInteger.TWO));
        assertEquals(2048, p.multiply(q).bitLength());
        assertFalse(DevelopmentKeyPair.pair(p, q).isPresent(), "|p - q| must exceed 2^924");
        BigInteger far = smallestUsablePrimeFrom(p.add(BigInteger.ONE.shiftLeft(1000)));
        assertTrue(DevelopmentKeyPair.pair(p, far).isPresent());
    }

    @Test
    void aPrimeOneAboveAMultipleOfTheExponentIsNotUsable() {
        // e must be invertible modulo p - 1: a p with p - 1 divisible by 65537 is refused.
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger k = BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE.shiftLeft(1022)).divide(e);
        BigInteger candidate;
        do {
            candidate = k.multiply(e).add(BigInteger.ONE);
            k = k.add(BigInteger.ONE);
        } while (!candidate.isProbablePrime(64));
        assertFalse(DevelopmentKeyPair.usablePrime(candidate));
        BigInteger q = smallestUsablePrimeFrom(BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE.shiftLeft(1000)));
        assertEquals(2048, candidate.multiply(q).bitLength(), "only the exponent is wrong");
        assertFalse(DevelopmentKeyPair.pair(candidate, q).isPresent());
    }

    private static BigInteger smallestUsablePrimeFrom(BigInteger start) {
        BigInteger candidate = start.nextProbablePrime();
        while (!DevelopmentKeyPair.usablePrime(candidate)) candidate = candidate.nextProbablePrime();
        return candidate;
    }
}
